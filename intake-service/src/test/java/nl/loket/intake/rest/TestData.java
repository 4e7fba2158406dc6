package nl.loket.intake.rest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import nl.loket.intake.domain.Bsn;

/** Citizens of their own for a test, and what intake stored of a contact. */
final class TestData {

    private TestData() {
    }

    /** A random BSN passing the 11-proef, so a test's citizen has no contacts of other tests. */
    static String randomBsn() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (true) {
            StringBuilder bsn = new StringBuilder(9);
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                int digit = i == 0 ? 1 + random.nextInt(9) : random.nextInt(10);
                bsn.append(digit);
                sum += (9 - i) * digit;
            }
            int last = sum % 11;
            if (last <= 9) {
                String candidate = bsn.append(last).toString();
                if (Bsn.isValid(candidate)) {
                    return candidate;
                }
            }
        }
    }

    /** The whole stored receipt row of a contact as JSON text (every column), or null when there is none. */
    static String receiptRow(DataSource dataSource, String contactId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(
                "select row_to_json(r)::text from contact_receipt r where contact_id = ?")) {
            query.setString(1, contactId);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The stored event data of a contact's receipt. */
    static String eventData(DataSource dataSource, String contactId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(
                "select event_data::text from contact_receipt where contact_id = ?")) {
            query.setString(1, contactId);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("No receipt for " + contactId);
                }
                return rs.getString(1);
            }
        }
    }
}
