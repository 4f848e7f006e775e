package stream.pika.events.control;

import stream.pika.events.entity.DueReminder;
import stream.pika.events.entity.StarOwner;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Starred slots and their reminders. */
public interface StarRepository {

    /** Which of these slots belong to the event (the others are refused). */
    List<Long> slotsOf(long eventId, Collection<Long> slotIds);

    /** Stars the slots (a slot starred before keeps its star and its reminder state). */
    void star(StarOwner owner, Collection<Long> slotIds, int remindMinutes, Instant at);

    void unstar(StarOwner owner, Collection<Long> slotIds);

    /** The reminder of every star the owner has in the event comes this many minutes before its slot. */
    void changeLead(StarOwner owner, long eventId, int minutes);

    /** A phone's anonymous stars become the account's (stars the account had already stay as they are). */
    int adopt(String pushEndpoint, long userId);

    /** The owner's starred slots in the event, by start time. */
    List<Long> starred(StarOwner owner, long eventId);

    /** The owner's reminder lead in the event: of the latest star, or {@code fallback} with none. */
    int lead(StarOwner owner, long eventId, int fallback);

    /**
     * Marks up to {@code limit} due reminders as sent and answers them: stars of a published or
     * running event whose slot starts after {@code now} and within the star's lead. A star claimed
     * by one node is skipped by every other (locked rows are skipped, claimed ones no longer match).
     */
    List<DueReminder> claimDue(Instant now, int limit);
}
