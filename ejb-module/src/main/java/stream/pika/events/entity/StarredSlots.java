package stream.pika.events.entity;

import java.util.List;

/**
 * A dancer's stars in one event: the slots, the minutes before each that the reminder comes,
 * whether a phone will get it ({@code false}: no push device is known for this dancer yet), and
 * whether they are an account's ({@code false}: a signed-out browser keeps its own).
 */
public record StarredSlots(long eventId, List<Long> slotIds, int remindMinutes, boolean reminders, boolean signedIn) {

    /** What a signed-out browser is told: its stars are its own. */
    public static StarredSlots signedOut(long eventId) {
        return new StarredSlots(eventId, List.of(), 10, false, false);
    }
}
