package stream.pika.it;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;

/**
 * The Spotify stand-in of the tests: WireMock (the stub mappings in
 * {@code src/test/resources/spotify-stand-in/mappings} route each Spotify endpoint to this
 * behaviour) with the state the real service keeps: the authorization codes it issued (each once,
 * bound to its PKCE challenge and redirect URI), refresh tokens (revocable), access tokens (which
 * may be made to expire early), and the user who "signs in" at {@code /authorize}.
 */
public final class SpotifyStandIn implements AutoCloseable {

    public static final String CLIENT_ID = "pika-test-client";
    public static final String CLIENT_SECRET = "pika-test-secret";

    /** A Spotify user of the stand-in. */
    public record User(String id, String displayName, String email) {
        public static User fresh(String name) {
            String id = "spotify-" + UUID.randomUUID().toString().substring(0, 8);
            return new User(id, name, id + "@spotify.example");
        }
    }

    private record Grant(String challenge, String redirectUri, String clientId, User user) {
    }

    private final WireMockServer server;
    private final Behaviour behaviour = new Behaviour();
    private volatile User signingIn = User.fresh("Default Dancer");
    private volatile boolean denyNext;
    private volatile boolean failNextToken;

    private SpotifyStandIn(int port) {
        server = new WireMockServer(WireMockConfiguration.options().port(port).bindAddress("127.0.0.1")
                .usingFilesUnderClasspath("spotify-stand-in")
                .notifier(new ConsoleNotifier(false))
                .extensions(behaviour));
        server.start();
    }

    public static SpotifyStandIn start(int port) {
        return new SpotifyStandIn(port);
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The user the next {@code /authorize} signs in. */
    public void signInAs(User user) {
        signingIn = user;
    }

    /** The next {@code /authorize} answers as when the user clicks "Cancel". */
    public void denyNext() {
        denyNext = true;
    }

    /** The next call of the token endpoint answers 503, as the real one does on a bad day. */
    public void failNextToken() {
        failNextToken = true;
    }

    /** Every token the stand-in issued to the user (refresh and access): none may appear in Pika!'s tables or log. */
    public java.util.List<String> tokensOf(User user) {
        java.util.List<String> tokens = new java.util.ArrayList<>();
        behaviour.refreshTokens.forEach((token, owner) -> {
            if (owner.id().equals(user.id())) {
                tokens.add(token);
            }
        });
        behaviour.accessTokens.forEach((token, owner) -> {
            if (owner.id().equals(user.id())) {
                tokens.add(token);
            }
        });
        return tokens;
    }

    /** The user revoked the app: the refresh token no longer works ({@code invalid_grant}). */
    public void revokeRefreshTokensOf(User user) {
        behaviour.refreshTokens.values().removeIf(u -> u.id().equals(user.id()));
    }

    /** Every access token issued so far stops working (401), as when they expire early. */
    public void expireAccessTokens() {
        behaviour.accessTokens.clear();
    }

    /** How many refresh-token grants the stand-in answered (accepted or not). */
    public int refreshes() {
        return behaviour.refreshes.get();
    }

    @Override
    public void close() {
        server.stop();
    }

    /** The state and the answers of the stand-in's endpoints. */
    final class Behaviour implements ResponseDefinitionTransformerV2 {

        private final Map<String, Grant> codes = new ConcurrentHashMap<>();
        private final Set<String> usedCodes = ConcurrentHashMap.newKeySet();
        final Map<String, User> refreshTokens = new ConcurrentHashMap<>();
        final Map<String, User> accessTokens = new ConcurrentHashMap<>();
        final java.util.concurrent.atomic.AtomicInteger refreshes = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public String getName() {
            return "spotify-stand-in";
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Request request = event.getRequest();
            Parameters parameters = event.getTransformerParameters();
            return switch (parameters.getString("endpoint")) {
                case "authorize" -> authorize(request);
                case "token" -> token(request);
                case "me" -> me(request);
                default -> json(404, Json.createObjectBuilder().add("error", "no such endpoint"));
            };
        }

        private ResponseDefinition authorize(Request request) {
            Map<String, String> query = query(request.getUrl());
            String redirect = query.get("redirect_uri");
            if (redirect == null || !CLIENT_ID.equals(query.get("client_id")) || !"code".equals(query.get("response_type"))
                    || !"S256".equals(query.get("code_challenge_method")) || query.get("code_challenge") == null) {
                return json(400, Json.createObjectBuilder().add("error", "invalid_request"));
            }
            String state = query.get("state") == null ? "" : "&state=" + encode(query.get("state"));
            if (denyNext) {
                denyNext = false;
                return redirect(redirect + "?error=access_denied" + state);
            }
            String code = "code-" + UUID.randomUUID();
            codes.put(code, new Grant(query.get("code_challenge"), redirect, query.get("client_id"), signingIn));
            return redirect(redirect + "?code=" + code + state);
        }

        private ResponseDefinition token(Request request) {
            Map<String, String> form = form(request.getBodyAsString());
            if (failNextToken) {
                failNextToken = false;
                return json(503, Json.createObjectBuilder().add("error", "server_error"));
            }
            if (!clientAuthenticated(request)) {
                return json(401, Json.createObjectBuilder().add("error", "invalid_client"));
            }
            if ("authorization_code".equals(form.get("grant_type"))) {
                String code = form.getOrDefault("code", "");
                Grant grant = codes.get(code);
                if (grant == null || !usedCodes.add(code)) {
                    return invalidGrant("Invalid authorization code");
                }
                if (!grant.redirectUri().equals(form.get("redirect_uri"))) {
                    return invalidGrant("Invalid redirect URI");
                }
                if (!grant.challenge().equals(s256(form.getOrDefault("code_verifier", "")))) {
                    return invalidGrant("code_verifier was incorrect");
                }
                return tokens(grant.user(), true);
            }
            if ("refresh_token".equals(form.get("grant_type"))) {
                refreshes.incrementAndGet();
                User user = refreshTokens.get(form.getOrDefault("refresh_token", ""));
                return user == null ? invalidGrant("Refresh token revoked") : tokens(user, false);
            }
            return json(400, Json.createObjectBuilder().add("error", "unsupported_grant_type"));
        }

        private ResponseDefinition tokens(User user, boolean withRefresh) {
            String access = "access-" + UUID.randomUUID();
            accessTokens.put(access, user);
            JsonObjectBuilder body = Json.createObjectBuilder().add("access_token", access).add("token_type", "Bearer")
                    .add("expires_in", 3600).add("scope", "user-read-email playlist-modify-private playlist-modify-public");
            if (withRefresh) {
                String refresh = "refresh-" + UUID.randomUUID();
                refreshTokens.put(refresh, user);
                body.add("refresh_token", refresh);
            }
            return json(200, body);
        }

        private ResponseDefinition me(Request request) {
            User user = caller(request);
            if (user == null) {
                return json(401, Json.createObjectBuilder().add("error", Json.createObjectBuilder().add("status", 401)
                        .add("message", "The access token expired")));
            }
            return json(200, Json.createObjectBuilder().add("id", user.id()).add("display_name", user.displayName())
                    .add("email", user.email()).add("uri", "spotify:user:" + user.id()));
        }

        private User caller(Request request) {
            String header = request.getHeader("Authorization");
            return header == null || !header.startsWith("Bearer ") ? null : accessTokens.get(header.substring(7));
        }

        private boolean clientAuthenticated(Request request) {
            String header = request.getHeader("Authorization");
            String expected = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
            return expected.equals(header);
        }

        private ResponseDefinition invalidGrant(String description) {
            return json(400, Json.createObjectBuilder().add("error", "invalid_grant").add("error_description", description));
        }
    }

    private static ResponseDefinition json(int status, JsonObjectBuilder body) {
        return responseDefinition().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(body.build().toString()).build();
    }

    private static ResponseDefinition redirect(String location) {
        return responseDefinition().withStatus(302).withHeader("Location", location).build();
    }

    private static Map<String, String> query(String url) {
        String raw = URI.create(url).getRawQuery();
        return form(raw == null ? "" : raw);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                values.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
