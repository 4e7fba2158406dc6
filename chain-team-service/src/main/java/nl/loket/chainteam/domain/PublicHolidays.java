package nl.loket.chainteam.domain;

import java.time.LocalDate;

/** Which dates are public holidays (days off besides the weekend). */
@FunctionalInterface
public interface PublicHolidays {

    boolean isHoliday(LocalDate date);
}
