package stream.pika.identity.control;

import stream.pika.identity.entity.DjAccount;
import stream.pika.identity.entity.DjToken;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Stored DJ tokens (their hashes). */
public interface DjTokenRepository {

    /** The token with this hash, with its account loaded. */
    Optional<DjToken> findByHash(String tokenHash);

    void add(DjToken token);

    void remove(DjToken token);

    /** Revokes all but the {@code keep} newest tokens of the account. */
    void keepNewest(DjAccount account, int keep);

    /** Records a use, at most once per {@code resolution} window, so reads do not become writes. */
    void touch(DjToken token, Instant now, Duration resolution);
}
