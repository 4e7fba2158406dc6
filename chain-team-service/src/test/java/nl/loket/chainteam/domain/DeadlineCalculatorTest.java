package nl.loket.chainteam.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import nl.loket.contracts.events.Channel;
import nl.loket.contracts.events.HandlingTerm;
import nl.loket.contracts.events.TermUnit;

class DeadlineCalculatorTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final HandlingTerm DEFAULT = new HandlingTerm(5, TermUnit.WORKING_DAYS);
    private final DeadlineCalculator calc = new DeadlineCalculator(new DutchPublicHolidays(), AMSTERDAM,
            LocalTime.of(17, 0));

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(AMSTERDAM).toInstant();
    }

    private static HandlingTerm working(int days) {
        return new HandlingTerm(days, TermUnit.WORKING_DAYS);
    }

    private static HandlingTerm calendar(int days) {
        return new HandlingTerm(days, TermUnit.CALENDAR_DAYS);
    }

    @Test
    void dutchPublicHolidaysComeFromTheLibrary() {
        DutchPublicHolidays nl = new DutchPublicHolidays();
        assertThat(nl.isHoliday(LocalDate.of(2026, 12, 25))).isTrue();  // Eerste Kerstdag
        assertThat(nl.isHoliday(LocalDate.of(2026, 12, 26))).isTrue();  // Tweede Kerstdag
        assertThat(nl.isHoliday(LocalDate.of(2027, 1, 1))).isTrue();    // Nieuwjaarsdag
        assertThat(nl.isHoliday(LocalDate.of(2027, 3, 29))).isTrue();   // Tweede Paasdag
        assertThat(nl.isHoliday(LocalDate.of(2027, 4, 27))).isTrue();   // Koningsdag
        assertThat(nl.isHoliday(LocalDate.of(2027, 5, 5))).isTrue();    // Bevrijdingsdag
        assertThat(nl.isHoliday(LocalDate.of(2027, 5, 6))).isTrue();    // Hemelvaartsdag
        assertThat(nl.isHoliday(LocalDate.of(2027, 5, 17))).isTrue();   // Tweede Pinksterdag
        assertThat(nl.isHoliday(LocalDate.of(2027, 3, 26))).isFalse();  // Goede Vrijdag: an observance, a working day
        assertThat(nl.isHoliday(LocalDate.of(2026, 12, 28))).isFalse();
    }

    @Test
    void kingsDayOnASundayMovesToSaturday() {
        // 27 April 2025 was a Sunday: Koningsdag was on Saturday 26 April
        assertThat(new DutchPublicHolidays().isHoliday(LocalDate.of(2025, 4, 26))).isTrue();
    }

    @Test
    void workingDaysSkipTheWeekend() {
        // Friday + 1 working day → Monday
        assertThat(calc.dueAt(at("2026-11-27T10:00"), working(1))).isEqualTo(at("2026-11-30T17:00"));
        // Friday + 5 working days → next Friday
        assertThat(calc.dueAt(at("2026-11-27T10:00"), working(5))).isEqualTo(at("2026-12-04T17:00"));
    }

    @Test
    void workingDaysSkipChristmas() {
        // Thursday 24 Dec 2026 + 1 → Mon 28 Dec (25, 26 Christmas, 27 Sunday)
        assertThat(calc.dueAt(at("2026-12-24T09:00"), working(1))).isEqualTo(at("2026-12-28T17:00"));
        // Wed 23 Dec + 3 → Tue 29 Dec (24, 28, 29)
        assertThat(calc.dueAt(at("2026-12-23T09:00"), working(3))).isEqualTo(at("2026-12-29T17:00"));
    }

    @Test
    void workingDaysSkipKingsDayLiberationDayAndAscension() {
        // Mon 26 Apr 2027 + 1 → Wed 28 Apr (Tue 27 Koningsdag)
        assertThat(calc.dueAt(at("2027-04-26T11:00"), working(1))).isEqualTo(at("2027-04-28T17:00"));
        // Tue 4 May 2027 + 1 → Fri 7 May (Wed 5 Bevrijdingsdag, Thu 6 Hemelvaart)
        assertThat(calc.dueAt(at("2027-05-04T11:00"), working(1))).isEqualTo(at("2027-05-07T17:00"));
    }

    @Test
    void goodFridayIsAWorkingDay() {
        // Thu 25 Mar 2027 + 1 → Fri 26 Mar (Goede Vrijdag); + 2 → Tue 30 Mar (Easter Monday 29 Mar)
        assertThat(calc.dueAt(at("2027-03-25T11:00"), working(1))).isEqualTo(at("2027-03-26T17:00"));
        assertThat(calc.dueAt(at("2027-03-25T11:00"), working(2))).isEqualTo(at("2027-03-30T17:00"));
    }

    @Test
    void calendarTermEndingOnAWeekendOrHolidayRunsOnToTheNextWorkingDay() {
        // Mon 23 Nov 2026 + 5 days = Sat 28 Nov → Mon 30 Nov
        assertThat(calc.dueAt(at("2026-11-23T10:00"), calendar(5))).isEqualTo(at("2026-11-30T17:00"));
        // Mon 22 Mar 2027 + 7 days = Easter Monday 29 Mar → Tue 30 Mar
        assertThat(calc.dueAt(at("2027-03-22T10:00"), calendar(7))).isEqualTo(at("2027-03-30T17:00"));
        // Mon 23 Nov 2026 + 3 days = Thu 26 Nov, a working day
        assertThat(calc.dueAt(at("2026-11-23T10:00"), calendar(3))).isEqualTo(at("2026-11-26T17:00"));
    }

    @Test
    void liveContactsAreDueTheSameWorkingDay() {
        assertThat(calc.dueAt(at("2026-11-24T10:00"), Channel.PHONE, 0, working(10), DEFAULT))
                .isEqualTo(at("2026-11-24T17:00"));
        assertThat(calc.dueAt(at("2026-11-24T10:00"), Channel.COUNTER, 0, null, DEFAULT))
                .isEqualTo(at("2026-11-24T17:00"));
    }

    @Test
    void liveContactAfterHoursOrOnADayOffIsDueAtTheEndOfTheNextWorkingDay() {
        // Tuesday 18:30 → Wednesday
        assertThat(calc.dueAt(at("2026-11-24T18:30"), Channel.PHONE, 0, null, DEFAULT)).isEqualTo(at("2026-11-25T17:00"));
        // Saturday → Monday
        assertThat(calc.dueAt(at("2026-11-28T11:00"), Channel.PHONE, 0, null, DEFAULT)).isEqualTo(at("2026-11-30T17:00"));
        // Christmas Day (Friday) → Monday 28 Dec
        assertThat(calc.dueAt(at("2026-12-25T11:00"), Channel.COUNTER, 0, null, DEFAULT)).isEqualTo(at("2026-12-28T17:00"));
    }

    @Test
    void transferredLiveContactGetsItsHandlingTerm() {
        assertThat(calc.dueAt(at("2026-11-24T10:00"), Channel.PHONE, 1, working(2), DEFAULT))
                .isEqualTo(at("2026-11-26T17:00"));
    }

    @Test
    void missingTermFallsBackToTheDefault() {
        assertThat(calc.dueAt(at("2026-11-23T10:00"), Channel.EMAIL, 0, null, DEFAULT)).isEqualTo(at("2026-11-30T17:00"));
    }

    @Test
    void dueTimeIsLocalAcrossDaylightSavingTime() {
        // Fri 23 Oct 2026 (CEST) + 1 working day → Mon 26 Oct 17:00 CET = 16:00Z
        assertThat(calc.dueAt(at("2026-10-23T10:00"), working(1))).isEqualTo(Instant.parse("2026-10-26T16:00:00Z"));
    }

    @Test
    void approachingWhenLessThanTheShareRemains() {
        Instant received = Instant.parse("2026-11-23T09:00:00Z");
        Instant due = Instant.parse("2026-11-28T09:00:00Z");
        assertThat(DeadlineCalculator.approachingAt(received, due, 0.2)).isEqualTo(Instant.parse("2026-11-27T09:00:00Z"));
    }
}
