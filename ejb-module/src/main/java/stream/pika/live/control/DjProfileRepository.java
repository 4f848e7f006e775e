package stream.pika.live.control;

import stream.pika.live.entity.PlayStatistics;
import stream.pika.live.entity.SetSummary;
import stream.pika.live.entity.UpcomingGig;

import java.time.Instant;
import java.util.List;

/** What a DJ's public profile reads of the DJ's account, sets and bookings. */
public interface DjProfileRepository {

    /** The bio and avatar address (each may be null). */
    Bio bio(long djId);

    void saveBio(long djId, String bio, String avatarUrl);

    /** Sets of the account, events they were played at (public events only) and hours on air until {@code now}. */
    Career career(long djId, Instant now);

    PlayStatistics plays(long djId);

    /** Accepted bookings at published or running events that have not ended by {@code now}, soonest first. */
    List<UpcomingGig> upcoming(long djId, Instant now, int limit);

    /** The DJ's sets, newest first. */
    List<SetSummary> sets(long djId, int offset, int limit);

    long setCount(long djId);

    record Bio(String bio, String avatarUrl) {
    }

    record Career(long sets, long events, double hours) {
    }
}
