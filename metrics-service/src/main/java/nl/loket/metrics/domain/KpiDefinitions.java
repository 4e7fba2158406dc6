package nl.loket.metrics.domain;

import java.util.List;

/**
 * The KPI definitions, versioned: every API response states the version, and a change of meaning bumps it.
 * The README documents the same text.
 */
public final class KpiDefinitions {

    public static final int VERSION = 1;

    /** One definition. */
    public record Definition(String name, String text) {
    }

    public static final List<Definition> ALL = List.of(
            new Definition("period", "Contacts count in the period, municipality and channel of their receipt, "
                    + "as the first routing decision (hop-0 ContactRouted, which routing makes for every contact "
                    + "received) states them; the period is the calendar day of receipt (receivedAt) in "
                    + "Europe/Amsterdam. Every KPI is over the contacts received in the period, whenever they were "
                    + "settled."),
            new Definition("firstContact", "A contact that is not a follow-up of an earlier one (followUpOf absent "
                    + "on its hop-0 ContactRouted; decisions published before the field existed count as first "
                    + "contacts)."),
            new Definition("directlyHandled", "A first contact first routed (hop 0) to a FIRST_LINE team and settled "
                    + "(ContactHandled) by a FIRST_LINE team, with no transfer (no ContactTransferRequested, no "
                    + "routing or settlement at hop > 0) and no call-back request (CallbackRequested) on the way."),
            new Definition("directHandlingShare", "Directly handled first contacts ÷ first contacts received in the "
                    + "period; open contacts count as not (yet) directly handled. Shown against the target "
                    + "(default 0.80); gap = target − share."),
            new Definition("channelShare", "Contacts received by a channel ÷ all contacts received."),
            new Definition("digitalShare", "Contacts received by WEB_FORM, EMAIL, CHAT or SOCIAL_MEDIA ÷ all contacts "
                    + "received."),
            new Definition("sameDayAnswered", "Per channel: contacts settled on the calendar day of receipt "
                    + "(Europe/Amsterdam) ÷ contacts received by that channel."),
            new Definition("tierShare", "Settled contacts by the tier of the team that settled them (the latest "
                    + "ContactHandled) ÷ all settled contacts."),
            new Definition("transferRate", "Contacts with at least one transfer ÷ contacts received."),
            new Definition("callbackRate", "Contacts with at least one call-back request ÷ contacts received."),
            new Definition("openCallbacksPastDue", "Call-back requests of the contacts received in the period that "
                    + "are not completed (no CallbackCompleted) and whose due time has passed, now."),
            new Definition("deadlineCompliance", "Per team: contacts settled by the team without a DeadlineBreached "
                    + "for that team ÷ contacts settled by the team."),
            new Definition("timeToSettle", "Receipt (receivedAt) to settlement (handledAt of the latest "
                    + "ContactHandled) of settled contacts; median and p90 by nearest rank, in minutes, at the "
                    + "resolution of the histogram: 1 minute up to 1 hour, 30 minutes up to 1 day, 6 hours up to "
                    + "30 days (longer counts as 30 days); a value is the upper bound of its bucket."),
            new Definition("team", "The team filter selects the contacts first routed to the team or settled by it."));

    private KpiDefinitions() {
    }
}
