package stream.pika.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import stream.pika.identity.entity.AccountStatus;
import stream.pika.identity.entity.DjAccountMessages;
import stream.pika.identity.entity.Registration;
import stream.pika.identity.entity.Role;
import stream.pika.identity.entity.UserAccount;
import stream.pika.platform.entity.PikaException;

import java.time.Clock;
import java.util.Locale;
import java.util.Set;

/** Opens accounts, whoever asks (a DJ registering, an organizer applying): one set of checks for all. */
@ApplicationScoped
public class AccountOpening {

    @Inject
    UserAccountRepository accounts;

    @Inject
    PasswordHasher passwords;

    @Inject
    Clock clock;

    /**
     * Stores a new account with these roles and status.
     *
     * @throws PikaException INVALID for a display name without a usable slug, CONFLICT for a taken e-mail or name
     */
    public UserAccount open(Registration registration, Set<Role> roles, AccountStatus status) {
        String email = normalizeEmail(registration.email());
        String displayName = registration.displayName().strip();
        String slug = Slugs.of(displayName);
        if (slug.length() < 2) {
            throw PikaException.invalid(DjAccountMessages.SLUG_TOO_SHORT);
        }
        if (Slugs.reserved(slug)) {
            throw PikaException.invalid(DjAccountMessages.SLUG_RESERVED);
        }
        if (accounts.findByEmail(email).isPresent()) {
            throw PikaException.conflict(DjAccountMessages.EMAIL_TAKEN);
        }
        if (accounts.slugTaken(slug)) {
            throw PikaException.conflict(DjAccountMessages.SLUG_TAKEN);
        }
        return accounts.add(new UserAccount(email, passwords.hash(registration.password()), displayName, slug,
                clock.instant(), roles, status));
    }

    /** E-mails are stored trimmed and lower-case. */
    public static String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
