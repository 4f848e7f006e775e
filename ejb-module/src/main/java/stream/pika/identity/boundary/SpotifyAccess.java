package stream.pika.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import stream.pika.identity.control.SpotifyAccountsClient;
import stream.pika.identity.control.SpotifyApiClient;
import stream.pika.identity.entity.SpotifyFailure;
import stream.pika.identity.entity.SpotifyLinkView;
import stream.pika.identity.entity.SpotifyMessages;
import stream.pika.identity.entity.SpotifyTokens;
import stream.pika.platform.control.SecretBox;
import stream.pika.platform.entity.PikaException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Calls Spotify as a dancer. Access tokens live in this node's memory until shortly before they
 * expire (never stored); a missing or expired one is made from the stored (encrypted) refresh
 * token. A 401 from the Web API makes one refresh and one retry. A refresh token Spotify refuses
 * (the dancer revoked the app) marks the link broken: the dancer sees "reconnect Spotify".
 */
@ApplicationScoped
public class SpotifyAccess {

    /** An access token is renewed this long before Spotify says it expires. */
    static final Duration MARGIN = Duration.ofSeconds(60);
    private static final Logger LOG = Logger.getLogger(SpotifyAccess.class.getName());

    private record Access(String token, Instant renewAt) {
    }

    @Inject
    SpotifyLinks links;

    @Inject
    SpotifyAccountsClient accountsService;

    @Inject
    SpotifyApiClient api;

    @Inject
    SecretBox secrets;

    @Inject
    Clock clock;

    private final Map<Long, Access> tokens = new ConcurrentHashMap<>();

    /**
     * {@code call} with the dancer's access token; after a 401, once more with a fresh one.
     *
     * @throws PikaException CONFLICT ("reconnect Spotify") without a working link, UNAVAILABLE when Spotify fails
     */
    public <T> T as(long userId, Function<String, T> call) {
        try {
            return calling(userId, call);
        } catch (SpotifyFailure e) {
            LOG.warning(() -> "Spotify call for account " + userId + " failed: " + e.getMessage());
            throw new PikaException(PikaException.Kind.UNAVAILABLE, SpotifyMessages.UNAVAILABLE);
        }
    }

    /**
     * As {@link #as}, but Spotify's own failure comes back as it is (its status, its
     * {@code Retry-After}) for callers that pace themselves by it.
     *
     * @throws SpotifyFailure when Spotify failed or refused (after the one retry of a 401)
     * @throws PikaException CONFLICT ("reconnect Spotify") without a working link
     */
    public <T> T calling(long userId, Function<String, T> call) {
        try {
            return call.apply(accessToken(userId));
        } catch (SpotifyFailure e) {
            if (e.status() != 401) {
                throw e;
            }
            tokens.remove(userId);
            LOG.fine(() -> "Spotify answered 401 for account " + userId + ": one refresh, one retry");
            return call.apply(accessToken(userId));
        }
    }

    /**
     * Checks the caller's link with Spotify ({@code POST /api/me/spotify/check}): it works (its
     * status is {@code linked}) or Spotify refused it ({@code broken}: reconnect).
     */
    public SpotifyLinkView check(long userId) {
        try {
            as(userId, api::me);
        } catch (PikaException e) {
            if (e.kind() != PikaException.Kind.CONFLICT) {
                throw e;
            }
        }
        return links.of(userId).orElseThrow(() -> PikaException.notFound(SpotifyMessages.NOT_LINKED));
    }

    private String accessToken(long userId) {
        Access known = tokens.get(userId);
        Instant now = clock.instant();
        if (known != null && now.isBefore(known.renewAt())) {
            return known.token();
        }
        byte[] sealed = links.sealedRefreshToken(userId)
                .orElseThrow(() -> PikaException.conflict(SpotifyMessages.RECONNECT));
        Optional<String> refreshToken = secrets.open(sealed);
        if (refreshToken.isEmpty()) {
            links.broken(userId);
            throw PikaException.conflict(SpotifyMessages.RECONNECT);
        }
        SpotifyTokens fresh;
        try {
            fresh = accountsService.refresh(refreshToken.get());
        } catch (SpotifyFailure e) {
            if (e.refused()) {
                links.broken(userId);
                tokens.remove(userId);
                LOG.info(() -> "Spotify refused the refresh token of account " + userId + ": link marked broken");
                throw PikaException.conflict(SpotifyMessages.RECONNECT);
            }
            throw e;
        }
        if (fresh.refreshToken() != null) {
            links.replaceRefreshToken(userId, secrets.seal(fresh.refreshToken())); // Spotify rotated it
        }
        Duration life = Duration.ofSeconds(Math.max(0, fresh.expiresInSeconds()));
        tokens.put(userId, new Access(fresh.accessToken(), now.plus(life.compareTo(MARGIN.multipliedBy(2)) > 0 ? life.minus(MARGIN) : life.dividedBy(2))));
        return fresh.accessToken();
    }
}
