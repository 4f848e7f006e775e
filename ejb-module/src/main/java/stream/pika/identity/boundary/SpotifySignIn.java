package stream.pika.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import stream.pika.identity.control.SpotifyAccountsClient;
import stream.pika.identity.control.SpotifyApiClient;
import stream.pika.identity.entity.SpotifyFailure;
import stream.pika.identity.control.SpotifySettings;
import stream.pika.identity.entity.SignedInUser;
import stream.pika.identity.entity.SpotifyAttempt;
import stream.pika.identity.entity.SpotifyMessages;
import stream.pika.identity.entity.SpotifyProfile;
import stream.pika.identity.entity.SpotifyStatus;
import stream.pika.identity.entity.SpotifyTokens;
import stream.pika.platform.control.SecretBox;
import stream.pika.platform.entity.PikaException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * "Sign in with Spotify": the authorization code flow with PKCE (S256). {@link #start} makes the
 * attempt the browser's session keeps (a single-use state, the verifier); {@link #finish} takes
 * what Spotify sent the browser back with, checks it against that attempt, exchanges the code,
 * reads who signed in and hands over to {@link SpotifyLinks}. Nothing is created unless every
 * step worked. No token is ever logged or returned.
 */
@ApplicationScoped
public class SpotifySignIn {

    /** How long a dancer may take on Spotify's page. */
    static final Duration ATTEMPT_LIFE = Duration.ofMinutes(10);
    private static final Logger LOG = Logger.getLogger(SpotifySignIn.class.getName());

    @Inject
    SpotifySettings settings;

    @Inject
    SpotifyAccountsClient accountsService;

    @Inject
    SpotifyApiClient api;

    @Inject
    SpotifyLinks links;

    @Inject
    SecretBox secrets;

    @Inject
    Clock clock;

    private final SecureRandom random = new SecureRandom();

    /** {@code GET /api/spotify/status}. */
    public SpotifyStatus status() {
        return settings.enabled() ? SpotifyStatus.on()
                : SpotifyStatus.off(SpotifyMessages.OFF + " (PIKA_SPOTIFY_CLIENT_ID is not set)");
    }

    /**
     * A new attempt: where to send the browser, and what its session keeps until it comes back.
     *
     * @param signedInUserId the account signed in in this browser (Spotify is added to it), if any
     * @throws PikaException UNAVAILABLE when Spotify is not configured
     */
    public SpotifyAttempt start(Long signedInUserId, String next) {
        if (!settings.enabled()) {
            throw new PikaException(PikaException.Kind.UNAVAILABLE, SpotifyMessages.OFF);
        }
        String state = randomText(24);
        String verifier = randomText(48); // 64 characters of base64url: within RFC 7636's 43–128
        return new SpotifyAttempt(state, verifier, accountsService.authorizeUrl(state, challenge(verifier)), clock.instant(),
                signedInUserId, next);
    }

    /**
     * Spotify sent the browser back: {@code state} and either {@code code} or {@code error}.
     *
     * @param attempt the attempt this browser's session kept (already removed from it: single use), or null
     * @throws PikaException INVALID for a missing attempt, a state of another attempt, a cancelled or
     *                       refused sign-in (a used code included), UNAVAILABLE when Spotify does not
     *                       answer, CONFLICT when the Spotify account belongs to another account
     */
    public SignedInUser finish(SpotifyAttempt attempt, String state, String code, String error) {
        if (!settings.enabled()) {
            throw new PikaException(PikaException.Kind.UNAVAILABLE, SpotifyMessages.OFF);
        }
        if (attempt == null) {
            throw PikaException.invalid(SpotifyMessages.NO_ATTEMPT);
        }
        if (state == null || !MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8), attempt.state().getBytes(StandardCharsets.UTF_8))) {
            throw PikaException.invalid(SpotifyMessages.STATE_MISMATCH);
        }
        if (clock.instant().isAfter(attempt.startedAt().plus(ATTEMPT_LIFE))) {
            throw PikaException.invalid(SpotifyMessages.EXPIRED);
        }
        if (error != null) {
            LOG.info(() -> "Spotify sign-in not completed: Spotify answered " + printable(error));
            throw PikaException.invalid("access_denied".equals(error) ? SpotifyMessages.CANCELLED : SpotifyMessages.REFUSED);
        }
        if (code == null || code.isBlank() || code.length() > 2048) {
            throw PikaException.invalid(SpotifyMessages.REFUSED);
        }
        try {
            SpotifyTokens tokens = accountsService.exchange(code, attempt.verifier());
            if (tokens.refreshToken() == null) {
                throw new SpotifyFailure(false, 200, "Spotify's code exchange gave no refresh token");
            }
            SpotifyProfile profile = api.me(tokens.accessToken());
            SignedInUser user = links.signIn(profile, secrets.seal(tokens.refreshToken()), tokens.scope(), attempt.signedInUserId());
            LOG.info(() -> "Account " + user.profile().id() + " signed in with Spotify");
            return user;
        } catch (SpotifyFailure e) {
            LOG.warning(() -> "Spotify sign-in failed: " + e.getMessage());
            if (e.refused()) {
                throw PikaException.invalid(SpotifyMessages.REFUSED);
            }
            throw new PikaException(PikaException.Kind.UNAVAILABLE, SpotifyMessages.UNAVAILABLE);
        }
    }

    private String randomText(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String printable(String text) {
        String shown = text.length() > 64 ? text.substring(0, 64) : text;
        return shown.replaceAll("[^A-Za-z0-9_ .-]", "?");
    }
}
