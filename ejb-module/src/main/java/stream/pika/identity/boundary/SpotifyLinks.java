package stream.pika.identity.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import stream.pika.identity.control.AccountOpening;
import stream.pika.identity.control.SpotifyLinkRepository;
import stream.pika.identity.control.UserAccountRepository;
import stream.pika.identity.entity.DjAccountMessages;
import stream.pika.identity.entity.Roles;
import stream.pika.identity.entity.SignedInUser;
import stream.pika.identity.entity.SpotifyLink;
import stream.pika.identity.entity.SpotifyLinkView;
import stream.pika.identity.entity.SpotifyMessages;
import stream.pika.identity.entity.SpotifyProfile;
import stream.pika.identity.entity.UserAccount;
import stream.pika.platform.control.CallerIds;
import stream.pika.platform.entity.PikaException;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Accounts and their Spotify accounts: a Spotify sign-in finds the account linked to that Spotify
 * user, adds Spotify to the account signed in in that browser, or opens a dancer's account.
 * The refresh token arrives sealed (encrypted) and is stored so.
 */
@Stateless
@DeclareRoles({Roles.SIGNED_IN})
public class SpotifyLinks {

    private static final Logger LOG = Logger.getLogger(SpotifyLinks.class.getName());

    @Inject
    SpotifyLinkRepository links;

    @Inject
    UserAccountRepository accounts;

    @Inject
    AccountOpening opening;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    /**
     * The account this Spotify sign-in is for, linked and with the newest refresh token.
     *
     * @param signedInUserId the account signed in in the browser when the sign-in started, if any
     * @throws PikaException CONFLICT when the Spotify account belongs to another Pika! account,
     *                       UNAUTHENTICATED when the account may not sign in (suspended)
     */
    @PermitAll
    public SignedInUser signIn(SpotifyProfile profile, byte[] sealedRefreshToken, String scopes, Long signedInUserId) {
        Instant now = clock.instant();
        Optional<SpotifyLink> existing = links.ofSpotifyUser(profile.id());
        UserAccount account;
        if (signedInUserId != null) {
            if (existing.isPresent() && existing.get().userId() != signedInUserId) {
                throw PikaException.conflict(SpotifyMessages.LINKED_ELSEWHERE);
            }
            account = usable(accounts.find(signedInUserId));
        } else if (existing.isPresent()) {
            account = usable(accounts.find(existing.get().userId()));
        } else {
            account = opening.openForSpotify(profile);
            LOG.info(() -> "Account " + account.id() + " opened with Spotify");
        }
        Optional<SpotifyLink> link = links.ofUser(account.id());
        if (link.isPresent() && !link.get().spotifyUserId().equals(profile.id())) {
            throw PikaException.conflict(SpotifyMessages.OTHER_SPOTIFY_ACCOUNT);
        } else if (link.isPresent()) {
            link.get().renew(profile, sealedRefreshToken, scopes, now);
        } else {
            links.add(new SpotifyLink(account.id(), profile, sealedRefreshToken, scopes, now));
            LOG.info(() -> "Account " + account.id() + " linked to Spotify");
        }
        return new SignedInUser(account.profile(), account.roles());
    }

    /** The account's stored (sealed) refresh token, while its link works. */
    @PermitAll
    public Optional<byte[]> sealedRefreshToken(long userId) {
        return links.ofUser(userId).filter(link -> !link.isBroken()).map(SpotifyLink::sealedRefreshToken);
    }

    /** Spotify refused the refresh token: the dancer has to reconnect. */
    @PermitAll
    public void broken(long userId) {
        links.ofUser(userId).ifPresent(link -> link.broken(clock.instant()));
    }

    /** Spotify rotated the refresh token: the new one replaces it. */
    @PermitAll
    public void replaceRefreshToken(long userId, byte[] sealed) {
        links.ofUser(userId).ifPresent(link -> link.replaceRefreshToken(sealed, clock.instant()));
    }

    /** An account's link as its owner sees it. */
    @PermitAll
    public Optional<SpotifyLinkView> of(long userId) {
        return links.ofUser(userId).map(SpotifyLink::view);
    }

    /** The caller's Spotify link, if it has one ({@code GET /api/me/spotify}). */
    @RolesAllowed(Roles.SIGNED_IN)
    public Optional<SpotifyLinkView> mine() {
        return links.ofUser(CallerIds.of(context)).map(SpotifyLink::view);
    }

    private static UserAccount usable(Optional<UserAccount> account) {
        return account.filter(a -> a.status().maySignIn())
                .orElseThrow(() -> PikaException.unauthenticated(DjAccountMessages.ACCOUNT_SUSPENDED));
    }
}
