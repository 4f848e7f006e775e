package stream.pika.identity.control;

import stream.pika.identity.entity.UserAccount;
import stream.pika.identity.entity.UserToken;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Stored DJ tokens (their hashes). */
public interface UserTokenRepository {

    /** The token with this hash, with its account loaded. */
    Optional<UserToken> findByHash(String tokenHash);

    void add(UserToken token);

    void remove(UserToken token);

    /** Revokes all but the {@code keep} newest tokens of the account. */
    void keepNewest(UserAccount account, int keep);

    /** Records a use, at most once per {@code resolution} window, so reads do not become writes. */
    void touch(UserToken token, Instant now, Duration resolution);
}
