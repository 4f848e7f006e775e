package stream.pika.identity.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import stream.pika.identity.control.AccountOpening;
import stream.pika.identity.control.PasswordHasher;
import stream.pika.identity.control.Slugs;
import stream.pika.identity.control.UserAccountRepository;
import stream.pika.identity.entity.AccountStatus;
import stream.pika.identity.entity.Registration;
import stream.pika.identity.entity.Role;
import stream.pika.identity.entity.UserAccount;
import stream.pika.platform.control.StartupFailure;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The platform's first admin, named by {@code PIKA_ADMIN_EMAIL}: created at start with
 * {@code PIKA_ADMIN_PASSWORD} when no account has that e-mail, otherwise given the admin role (and
 * made active). Idempotent: the password is only ever set when the account is created, so a
 * password changed later is never reset by a restart.
 */
@Startup
@Singleton
@DependsOn("DatabaseSchema")
public class FirstAdmin {

    static final String DISPLAY_NAME = "Platform Admin";
    private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

    @Inject
    UserAccountRepository accounts;

    @Inject
    PasswordHasher passwords;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "pika.admin.email")
    Optional<String> email;

    @Inject
    @ConfigProperty(name = "pika.admin.password")
    Optional<String> password;

    @PostConstruct
    void ensure() {
        Optional<String> configured = email.map(AccountOpening::normalizeEmail).filter(e -> !e.isEmpty());
        if (configured.isEmpty()) {
            return;
        }
        String address = configured.get();
        // Nodes starting together would both create the account; the second one waits here, then promotes.
        accounts.lockAdminChanges();
        Optional<UserAccount> existing = accounts.findByEmail(address);
        if (existing.isPresent()) {
            UserAccount account = existing.get();
            if (account.promoteToAdmin()) {
                LOG.info(() -> "First admin: account " + account.id() + " (" + address + ") is an active admin now");
            } else {
                LOG.info(() -> "First admin: account " + account.id() + " (" + address + ") is an admin already");
            }
            return;
        }
        String secret = password.orElse("");
        if (secret.length() < Registration.MIN_PASSWORD_LENGTH || secret.length() > Registration.MAX_PASSWORD_LENGTH) {
            throw StartupFailure.fail("PIKA_ADMIN_EMAIL names no account yet, and PIKA_ADMIN_PASSWORD ("
                    + Registration.MIN_PASSWORD_LENGTH + " to " + Registration.MAX_PASSWORD_LENGTH
                    + " characters) is needed to create it", null);
        }
        UserAccount admin = accounts.add(new UserAccount(address, passwords.hash(secret), DISPLAY_NAME, freeSlug(),
                clock.instant(), Set.of(Role.ADMIN), AccountStatus.ACTIVE));
        LOG.info(() -> "First admin: account " + admin.id() + " created for " + address);
    }

    private String freeSlug() {
        String base = Slugs.of(DISPLAY_NAME);
        String slug = base;
        for (int n = 2; accounts.slugTaken(slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }
}
