package stream.pika.identity.control;

import stream.pika.identity.entity.UserAccount;

import java.util.Optional;

/** Stored user accounts. */
public interface UserAccountRepository {

    Optional<UserAccount> find(long id);

    /** @param email already normalised (trimmed, lower case) */
    Optional<UserAccount> findByEmail(String email);

    boolean slugTaken(String slug);

    Optional<UserAccount> findBySlug(String slug);

    /**
     * Stores a new account and assigns its id.
     *
     * @throws stream.pika.platform.entity.PikaException CONFLICT when the e-mail or slug is taken
     */
    UserAccount add(UserAccount account);
}
