package stream.pika.events.control;

import stream.pika.events.entity.CalendarToken;

import java.util.Optional;

/** Stored calendar feed tokens (their hashes), one per DJ. */
public interface CalendarTokenRepository {

    Optional<CalendarToken> find(long userId);

    Optional<CalendarToken> findByHash(String tokenHash);

    void add(CalendarToken token);
}
