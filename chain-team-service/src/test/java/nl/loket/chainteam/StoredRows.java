package nl.loket.chainteam;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.agroal.api.AgroalDataSource;

/** Rows as the database holds them (column name → value), read over JDBC beside the service. */
public final class StoredRows {

    private StoredRows() {
    }

    public static List<Map<String, Object>> rows(AgroalDataSource db, String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                ResultSetMetaData meta = r.getMetaData();
                while (r.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int col = 1; col <= meta.getColumnCount(); col++) {
                        row.put(meta.getColumnName(col), r.getObject(col));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Object> workItem(AgroalDataSource db, String contactId) {
        List<Map<String, Object>> rows = rows(db, "select * from work_item where contact_id = ?", contactId);
        if (rows.size() != 1) {
            throw new IllegalStateException("no work item " + contactId);
        }
        return rows.get(0);
    }

    public static List<Map<String, Object>> history(AgroalDataSource db, String contactId) {
        return rows(db, "select * from work_item_event where contact_id = ? order by seq", contactId);
    }

    public static List<Map<String, Object>> callbacks(AgroalDataSource db, String contactId) {
        return rows(db, "select * from callback where contact_id = ? order by requested_at", contactId);
    }

    public static int update(AgroalDataSource db, String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
