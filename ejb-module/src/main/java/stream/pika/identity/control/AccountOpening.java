package stream.pika.identity.control;

import stream.pika.identity.entity.SpotifyProfile;

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

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

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

    /**
     * An account opened by "Sign in with Spotify": a dancer, no password (it signs in through
     * Spotify), the Spotify e-mail only when no account has it (Spotify's address is not proof of
     * owning it: an existing account is never taken over by it), and a free slug from the name.
     */
    public UserAccount openForSpotify(SpotifyProfile profile) {
        String name = profile.displayName() == null || profile.displayName().isBlank() ? "Dancer" : profile.displayName().strip();
        if (name.length() > 100) {
            name = name.substring(0, 100);
        } else if (name.length() < 2) {
            name = name + " (Spotify)";
        }
        String email = profile.email() == null ? null : normalizeEmail(profile.email());
        if (email != null && (email.length() < 3 || email.length() > 254 || accounts.findByEmail(email).isPresent())) {
            email = null;
        }
        String base = Slugs.of(name);
        if (base.length() < 2 || Slugs.reserved(base)) {
            base = "dancer";
        }
        String slug = base;
        for (int attempt = 0; accounts.slugTaken(slug) || Slugs.reserved(slug); attempt++) {
            if (attempt >= 20) {
                throw PikaException.conflict(DjAccountMessages.SLUG_TAKEN);
            }
            slug = base + "-" + Integer.toHexString(RANDOM.nextInt(0x10000));
        }
        return accounts.add(new UserAccount(email, null, name, slug, clock.instant(), Set.of(Role.DANCER), AccountStatus.ACTIVE));
    }

    /** E-mails are stored trimmed and lower-case. */
    public static String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
