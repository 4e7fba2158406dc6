package nl.loket.chainteam.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import nl.loket.chainteam.config.ChainTeamConfig;
import nl.loket.chainteam.domain.DeadlineCalculator;
import nl.loket.chainteam.domain.DutchPublicHolidays;

/** Wires the deadline arithmetic with Dutch public holidays and the configured zone and end of day. */
@ApplicationScoped
public class Deadlines {

    @Produces
    @ApplicationScoped
    DeadlineCalculator calculator(ChainTeamConfig config) {
        return new DeadlineCalculator(new DutchPublicHolidays(), config.zone(), config.endOfWorkingDay());
    }
}
