package nl.loket.chainteam.domain;

import java.time.LocalDate;
import java.time.Year;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * Dutch public holidays from the maintained jollyday calendar (New Year, Easter Monday, King's Day, Liberation
 * Day, Ascension, Whit Monday, Christmas; Easter and Whit Sunday fall on Sundays anyway). Only
 * {@link HolidayType#PUBLIC_HOLIDAY}s count: observances such as Good Friday are working days.
 */
public final class DutchPublicHolidays implements PublicHolidays {

    private final HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.NETHERLANDS));
    private final Map<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

    @Override
    public boolean isHoliday(LocalDate date) {
        return byYear.computeIfAbsent(date.getYear(), this::load).contains(date);
    }

    private Set<LocalDate> load(int year) {
        return manager.getHolidays(Year.of(year)).stream()
                .filter(h -> h.getType() == HolidayType.PUBLIC_HOLIDAY)
                .map(Holiday::getDate)
                .collect(Collectors.toUnmodifiableSet());
    }
}
