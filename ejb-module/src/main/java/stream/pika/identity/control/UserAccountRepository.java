package stream.pika.identity.control;

import stream.pika.identity.entity.UserAccount;

import stream.pika.identity.entity.UserFilter;
import stream.pika.platform.entity.Page;

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

    /** The account, locked for update until the transaction ends (an admin changes it). */
    Optional<UserAccount> findForUpdate(long id);

    /**
     * Serialises the changes that can take the admin role away (role changes, suspensions) for the
     * rest of the transaction, on every node, so two admins cannot remove the last two admins at once.
     */
    void lockAdminChanges();

    long countActiveAdmins();

    Page<UserAccount> search(UserFilter filter, int page, int pageSize);

    /** Active DJ accounts whose display name holds {@code text} (case aside), by name, at most {@code limit}. */
    java.util.List<UserAccount> djsNamed(String text, int limit);
}
