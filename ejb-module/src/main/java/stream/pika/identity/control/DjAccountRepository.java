package stream.pika.identity.control;

import stream.pika.identity.entity.DjAccount;

import java.util.Optional;

/** Stored DJ accounts. */
public interface DjAccountRepository {

    Optional<DjAccount> find(long id);

    /** @param email already normalised (trimmed, lower case) */
    Optional<DjAccount> findByEmail(String email);

    boolean slugTaken(String slug);

    Optional<DjAccount> findBySlug(String slug);

    /**
     * Stores a new account and assigns its id.
     *
     * @throws stream.pika.platform.entity.PikaException CONFLICT when the e-mail or slug is taken
     */
    DjAccount add(DjAccount account);
}
