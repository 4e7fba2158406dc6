package nl.loket.chainteam.config;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import nl.loket.contracts.events.TermUnit;

/**
 * Settings of the work queues and deadlines ({@code loket.chain-team.*}). The outbox relay, the inbox and the
 * consumer settlement are the service kit's ({@code loket.kit.*}, {@code nl.loket.kit.config.KitConfig}).
 */
@ConfigMapping(prefix = "loket.chain-team")
public interface ChainTeamConfig {

    /** Time zone in which working days and "the same day" are counted. */
    @WithDefault("Europe/Amsterdam")
    ZoneId zone();

    /** Due times fall at this local time of a working day. */
    @WithDefault("17:00")
    LocalTime endOfWorkingDay();

    /** Term used when an assignment carries no handling term. */
    DefaultTerm defaultTerm();

    /** Window after receipt within which a first-line live contact counts as settled during the contact. */
    @WithDefault("PT30M")
    Duration settleWindow();

    Deadline deadline();

    Retention retention();

    interface DefaultTerm {
        @WithDefault("5")
        int days();

        @WithDefault("WORKING_DAYS")
        TermUnit unit();
    }

    interface Deadline {
        /** DeadlineApproaching once less than this share of the term remains. */
        @WithDefault("0.2")
        double approachingShare();

        @WithDefault("200")
        int batchSize();

        /** How often the deadline watch runs (read by its @Scheduled expression). */
        @WithDefault("30s")
        String scanInterval();
    }

    interface Retention {
        /**
         * Personal fields of a RESOLVED work item (subject, text, citizen details, reasons and notes) are erased
         * this long after its resolution; open items keep theirs.
         */
        @WithDefault("P30D")
        Duration personalData();

        /** How often the retention job runs (read by its @Scheduled expression). */
        @WithDefault("1h")
        String interval();

        /** Work items erased per transaction. */
        @WithDefault("500")
        int batchSize();
    }
}
