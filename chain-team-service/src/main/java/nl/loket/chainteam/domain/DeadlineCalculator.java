package nl.loket.chainteam.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import nl.loket.contracts.events.Channel;
import nl.loket.contracts.events.HandlingTerm;
import nl.loket.contracts.events.TermUnit;

/**
 * Due times of work items. Pure: no clock, no framework.
 * <ul>
 * <li>A live contact (phone, counter) at hop 0 is due at the end of the working day it came in on; received after
 * that time or on a day off, at the end of the next working day.</li>
 * <li>{@code n} WORKING_DAYS: the n-th working day after the day of receipt (weekends and public holidays skipped),
 * at the end of the working day.</li>
 * <li>{@code n} CALENDAR_DAYS: receipt date + n days; a term ending on a weekend day or a public holiday runs on to
 * the next working day (as the Algemene termijnenwet does).</li>
 * <li>A term of 0 days is the same-day rule.</li>
 * </ul>
 * Terms count from the contact's receipt, also after a transfer: the promise is to the citizen.
 */
public final class DeadlineCalculator {

    private final PublicHolidays holidays;
    private final ZoneId zone;
    private final LocalTime endOfWorkingDay;

    public DeadlineCalculator(PublicHolidays holidays, ZoneId zone, LocalTime endOfWorkingDay) {
        this.holidays = holidays;
        this.zone = zone;
        this.endOfWorkingDay = endOfWorkingDay;
    }

    /** The due time of an assignment; {@code defaultTerm} applies when it names none. */
    public Instant dueAt(Instant receivedAt, Channel channel, int hop, HandlingTerm term, HandlingTerm defaultTerm) {
        if (channel != null && channel.isLive() && hop == 0) {
            return sameDay(receivedAt);
        }
        return dueAt(receivedAt, term != null ? term : defaultTerm);
    }

    public Instant dueAt(Instant receivedAt, HandlingTerm term) {
        if (term.days() == 0) {
            return sameDay(receivedAt);
        }
        LocalDate day = receivedAt.atZone(zone).toLocalDate();
        if (term.unit() == TermUnit.WORKING_DAYS) {
            for (int i = 0; i < term.days(); i++) {
                day = nextWorkingDay(day);
            }
        } else {
            day = day.plusDays(term.days());
            while (!isWorkingDay(day)) {
                day = day.plusDays(1);
            }
        }
        return endOf(day);
    }

    /** End of the working day of receipt, or of the next working day when received after it or on a day off. */
    public Instant sameDay(Instant receivedAt) {
        ZonedDateTime local = receivedAt.atZone(zone);
        LocalDate day = local.toLocalDate();
        if (!isWorkingDay(day) || !local.toLocalTime().isBefore(endOfWorkingDay)) {
            day = nextWorkingDay(day);
        }
        return endOf(day);
    }

    /** When DeadlineApproaching is due: once less than {@code share} of the span from receipt to due remains. */
    public static Instant approachingAt(Instant receivedAt, Instant dueAt, double share) {
        Duration span = Duration.between(receivedAt, dueAt);
        if (span.isNegative()) {
            return dueAt;
        }
        return dueAt.minusMillis((long) (span.toMillis() * share));
    }

    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.isHoliday(day);
    }

    public LocalDate nextWorkingDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    private Instant endOf(LocalDate day) {
        return day.atTime(endOfWorkingDay).atZone(zone).toInstant();
    }
}
