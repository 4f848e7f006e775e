package stream.pika.events.entity;

/** The texts organizers and dancers see from events, stages and schedules. */
public final class EventMessages {

    public static final String EVENT_NOT_FOUND = "Event not found";
    public static final String STAGE_NOT_FOUND = "Stage not found";
    public static final String SLOT_NOT_FOUND = "Slot not found";
    public static final String NOT_YOURS = "This event belongs to another organizer";
    public static final String SLOT_OVERLAPS = "This slot overlaps another slot on this stage";
    public static final String SLOT_OUTSIDE_EVENT = "A slot must lie inside its event";
    public static final String EVENT_LEAVES_SLOTS = "The event would no longer contain all of its slots";
    public static final String STALE = "This slot was changed by someone else: reload it and try again";
    public static final String VERSION_REQUIRED = "If-Match with the slot's version is required";
    public static final String ENDED = "This event has ended";
    public static final String NOT_PUBLISHED = "Publish the event first: a draft has no followers";
    public static final String STAGE_CLOSED = "Stage is closed";

    private EventMessages() {
    }

    public static String cannotMove(String from, String to) {
        return "An event that is " + from + " cannot be " + to;
    }
}
