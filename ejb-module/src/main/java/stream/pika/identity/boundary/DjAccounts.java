package stream.pika.identity.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import stream.pika.identity.entity.DjAccountMessages;
import stream.pika.identity.control.UserAccountRepository;
import stream.pika.identity.control.DjTokenFactory;
import stream.pika.identity.control.UserTokenRepository;
import stream.pika.identity.control.PasswordHasher;
import stream.pika.identity.control.AccountOpening;
import stream.pika.platform.control.CallerIds;
import stream.pika.identity.entity.AccountStatus;
import stream.pika.identity.entity.Credentials;
import stream.pika.identity.entity.UserAccount;
import stream.pika.identity.entity.UserSummary;
import stream.pika.identity.entity.DjProfile;
import stream.pika.identity.entity.PublicDj;
import stream.pika.identity.entity.UserToken;
import stream.pika.identity.entity.Registration;
import stream.pika.identity.entity.Role;
import stream.pika.identity.entity.Roles;
import stream.pika.identity.entity.SignedInUser;
import stream.pika.identity.entity.SignedInDj;
import stream.pika.platform.entity.PikaException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * DJ accounts: registering, signing in, and the DJ tokens the desktop app and the web use.
 * Every path that needs to know "which DJ is this?" (REST bearer, WebSocket REGISTER_SESSION) asks here.
 */
@Stateless
@DeclareRoles({Roles.DANCER, Roles.DJ, Roles.ORGANIZER, Roles.ADMIN, Roles.SIGNED_IN})
public class DjAccounts {

    /** Each sign-in issues a token; older ones beyond this many are revoked. */
    static final int MAX_TOKENS_PER_DJ = 10;
    /** {@code last_used} is written at most this often per token. */
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    static final int MAX_EMAIL_LENGTH = 254;
    static final int MAX_PASSWORD_LENGTH = Registration.MAX_PASSWORD_LENGTH;

    private static final Logger LOG = Logger.getLogger(DjAccounts.class.getName());

    @Inject
    UserAccountRepository accounts;

    @Inject
    UserTokenRepository tokens;

    @Inject
    AccountOpening opening;

    @Inject
    PasswordHasher passwords;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    /**
     * A token unused this long stops working (the original's never expired). The desktop app
     * revalidates hourly, so only abandoned tokens (an old laptop, a leaked copy) lapse.
     */
    @Inject
    @ConfigProperty(name = "pika.auth.token-idle-expiry", defaultValue = "P90D")
    Duration tokenIdleExpiry;

    /**
     * Opens an account and signs the DJ in.
     *
     * @throws PikaException INVALID for a display name without a usable slug, CONFLICT for a taken e-mail or name
     */
    public SignedInDj register(@NotNull @Valid Registration registration) {
        UserAccount account = opening.open(registration, Set.of(Role.DJ), AccountStatus.ACTIVE);
        LOG.info(() -> "DJ account " + account.id() + " registered as '" + account.slug() + "'");
        return new SignedInDj(account.profile(), issueToken(account));
    }

    /**
     * Signs a DJ in with e-mail and password and issues a new token.
     *
     * @throws PikaException UNAUTHENTICATED, without saying whether the e-mail or the password was wrong
     */
    public SignedInDj login(@NotNull @Valid Credentials credentials) {
        UserAccount account = verified(credentials);
        String token = issueToken(account);
        tokens.keepNewest(account, MAX_TOKENS_PER_DJ);
        return new SignedInDj(account.profile(), token);
    }

    /**
     * Signs a browser in with e-mail and password: the same checks as {@link #login}, but no token
     * (the browser keeps a session cookie instead).
     *
     * @throws PikaException UNAUTHENTICATED, as {@link #login}
     */
    public SignedInUser signInBrowser(@NotNull @Valid Credentials credentials) {
        UserAccount account = verified(credentials);
        LOG.info(() -> "Account " + account.id() + " signed in in a browser");
        return new SignedInUser(account.profile(), account.roles());
    }

    /**
     * The user of a browser session, with the roles the account has now; empty when the account
     * is gone or may no longer sign in (the session then ends).
     */
    public Optional<SignedInUser> sessionUser(long userId) {
        return accounts.find(userId).filter(account -> account.status().maySignIn())
                .map(account -> new SignedInUser(account.profile(), account.roles()));
    }

    private UserAccount verified(Credentials credentials) {
        String password = credentials.password();
        if (password.length() > MAX_PASSWORD_LENGTH || credentials.email().length() > MAX_EMAIL_LENGTH) {
            throw PikaException.unauthenticated(DjAccountMessages.BAD_CREDENTIALS);
        }
        Optional<UserAccount> found = accounts.findByEmail(AccountOpening.normalizeEmail(credentials.email()))
                .filter(account -> account.passwordHash() != null); // an account of Spotify's signs in there only
        if (found.isEmpty()) {
            passwords.spendVerificationTime(password);
            throw PikaException.unauthenticated(DjAccountMessages.BAD_CREDENTIALS);
        }
        UserAccount account = found.get();
        if (!passwords.matches(password, account.passwordHash())) {
            LOG.info(() -> "Failed sign-in for account " + account.id());
            throw PikaException.unauthenticated(DjAccountMessages.BAD_CREDENTIALS);
        }
        if (!account.status().maySignIn()) {
            LOG.info(() -> "Sign-in refused for account " + account.id() + ": " + account.status().value());
            throw PikaException.unauthenticated(DjAccountMessages.ACCOUNT_SUSPENDED);
        }
        return account;
    }

    /**
     * The user a token belongs to, with the roles the account has now; empty when the token is
     * malformed, unknown, revoked or lapsed, or its account is suspended.
     */
    public Optional<SignedInUser> authenticate(String token) {
        return findUsableToken(token).map(stored -> {
            tokens.touch(stored, clock.instant(), LAST_USED_RESOLUTION);
            UserAccount account = stored.account();
            return new SignedInUser(account.profile(), account.roles());
        });
    }

    /** The DJ a token belongs to: as {@link #authenticate}, and the account holds the DJ role now. */
    public Optional<DjProfile> authenticateDj(String token) {
        return authenticate(token).filter(user -> user.has(Role.DJ)).map(SignedInUser::profile);
    }

    /**
     * Whether the account may act as a DJ now (exists, may sign in, holds the DJ role): asked
     * again for the open connections of an account an admin just changed.
     */
    public boolean mayActAsDj(long userId) {
        return accounts.find(userId).filter(account -> account.status().maySignIn() && account.roles().contains(Role.DJ))
                .isPresent();
    }

    /** The name a DJ account shows to dancers (a schedule's "next up"), if it exists. */
    public Optional<String> displayName(long userId) {
        return accounts.find(userId).map(UserAccount::displayName);
    }

    /** DJs an organizer can book: active DJ accounts whose name holds {@code text} (never their e-mail). */
    @RolesAllowed(Roles.ORGANIZER)
    public java.util.List<PublicDj> djsNamed(@NotNull @jakarta.validation.constraints.Size(min = 2, max = 100,
            message = "Type at least 2 characters of the DJ's name") String text) {
        return accounts.djsNamed(text.strip(), 10).stream()
                .map(account -> new PublicDj(account.profile().id(), account.profile().displayName())).toList();
    }

    /** The DJ of a public page: its id and display name (never its e-mail), if the slug is taken. */
    public Optional<PublicDj> publicDj(String slug) {
        return accounts.findBySlug(slug).map(account -> new PublicDj(account.profile().id(), account.profile().displayName()));
    }

    /**
     * The signed-in DJ's own account (the caller established by the bearer-token mechanism).
     *
     * @throws PikaException NOT_FOUND when the account no longer exists
     */
    @RolesAllowed(Roles.DJ)
    public DjProfile currentDj() {
        return accounts.find(CallerIds.of(context))
                .map(UserAccount::profile)
                .orElseThrow(() -> PikaException.notFound("DJ not found"));
    }

    /**
     * The signed-in user's own account, whatever its roles: profile, roles and status (a pending
     * organizer sees that it waits).
     *
     * @throws PikaException NOT_FOUND when the account no longer exists
     */
    @RolesAllowed(Roles.SIGNED_IN)
    public UserSummary currentUser() {
        return accounts.find(CallerIds.of(context))
                .map(UserAccount::summary)
                .orElseThrow(() -> PikaException.notFound("User not found"));
    }

    /**
     * Revokes the presented token and issues a new one for the same DJ; the DJ's other tokens stay valid.
     *
     * @throws PikaException UNAUTHENTICATED when the presented token is not valid
     */
    public String regenerateToken(String presentedToken) {
        UserToken stored = findUsableToken(presentedToken)
                .orElseThrow(() -> PikaException.unauthenticated(DjAccountMessages.TOKEN_INVALID));
        UserAccount account = stored.account();
        tokens.remove(stored);
        LOG.info(() -> "DJ account " + account.id() + " regenerated a token");
        return issueToken(account);
    }

    /** A stored token that still works: known, not lapsed, and its account may sign in. */
    private Optional<UserToken> findUsableToken(String token) {
        return findToken(token).filter(stored -> stored.account().status().maySignIn());
    }

    private Optional<UserToken> findToken(String token) {
        if (!DjTokenFactory.wellFormed(token)) {
            return Optional.empty();
        }
        Optional<UserToken> stored = tokens.findByHash(DjTokenFactory.hash(token));
        Instant now = clock.instant();
        if (stored.isPresent() && lapsed(stored.get(), now)) {
            tokens.remove(stored.get());
            LOG.info(() -> "DJ account " + stored.get().account().id() + ": a token unused since "
                    + lastSeen(stored.get()) + " expired and was removed");
            return Optional.empty();
        }
        return stored;
    }

    private boolean lapsed(UserToken token, Instant now) {
        return lastSeen(token).plus(tokenIdleExpiry).isBefore(now);
    }

    private static Instant lastSeen(UserToken token) {
        return token.lastUsed() != null ? token.lastUsed() : token.createdAt();
    }

    private String issueToken(UserAccount account) {
        String token = DjTokenFactory.newToken();
        Instant now = clock.instant();
        tokens.add(new UserToken(account, DjTokenFactory.hash(token), "Default", now));
        return token;
    }
}
