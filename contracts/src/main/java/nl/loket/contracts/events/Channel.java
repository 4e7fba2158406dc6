package nl.loket.contracts.events;

import java.util.EnumSet;
import java.util.Set;

/** The channel a contact came in by. */
public enum Channel {
    WEB_FORM, EMAIL, PHONE, COUNTER, CHAT, SOCIAL_MEDIA, LETTER;

    /** The digital channels of the digital-share KPI. */
    public static final Set<Channel> DIGITAL = EnumSet.of(WEB_FORM, EMAIL, CHAT, SOCIAL_MEDIA);
    /** Live channels: the citizen is on the line or at the desk; such contacts are due the same day. */
    public static final Set<Channel> LIVE = EnumSet.of(PHONE, COUNTER);

    public boolean isDigital() {
        return DIGITAL.contains(this);
    }

    public boolean isLive() {
        return LIVE.contains(this);
    }
}
