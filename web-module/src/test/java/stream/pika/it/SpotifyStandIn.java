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
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /** A track of the stand-in's catalog ({@code spotify-stand-in/catalog.tsv}). */
    public record Track(String uri, String title, List<String> artists, int durationMs) {
    }

    /** A playlist in a user's library: its tracks in order (duplicates allowed, as Spotify's). */
    public record Playlist(String id, String ownerId, String name, List<String> uris) {
    }

    /** A call the Web API answered (after any switch): when, and for a playlist add how many tracks. */
    public record Call(long atNanos, String method, String path, int status, int tracks) {
    }

    private final WireMockServer server;
    private final Behaviour behaviour = new Behaviour();
    private volatile User signingIn = User.fresh("Default Dancer");
    private volatile boolean denyNext;
    private volatile boolean failNextToken;
    private final AtomicInteger tooManyRequests = new AtomicInteger();
    private volatile int retryAfterSeconds = 1;
    private final AtomicInteger unavailable = new AtomicInteger();
    private final List<Track> catalog = loadCatalog();

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

    /** The next {@code calls} Web API calls answer 429 with {@code Retry-After: seconds}. */
    public void answerTooManyRequests(int calls, int seconds) {
        retryAfterSeconds = seconds;
        tooManyRequests.set(calls);
    }

    /** The next {@code calls} Web API calls answer 503. */
    public void answerUnavailable(int calls) {
        unavailable.set(calls);
    }

    public List<Track> catalog() {
        return catalog;
    }

    /** The user's playlists, as their library now holds them. */
    public List<Playlist> playlistsOf(User user) {
        return behaviour.playlists.values().stream().filter(p -> p.ownerId().equals(user.id())).toList();
    }

    /** The user deletes the playlist in their Spotify app. */
    public void deletePlaylist(String id) {
        behaviour.playlists.remove(id);
    }

    /** Every Web API call answered so far (playlists and search), in order. */
    public List<Call> calls() {
        synchronized (behaviour.calls) {
            return List.copyOf(behaviour.calls);
        }
    }

    /** Every token the stand-in issued to the user (refresh and access): none may appear in Pika!'s tables or log. */
    public List<String> tokensOf(User user) {
        List<String> tokens = new ArrayList<>();
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
        behaviour.appTokens.clear();
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
        final AtomicInteger refreshes = new AtomicInteger();
        final Map<String, Playlist> playlists = new ConcurrentHashMap<>();
        /** Tokens of the app itself (client credentials): they search, they own no library. */
        final Set<String> appTokens = ConcurrentHashMap.newKeySet();
        final List<Call> calls = new ArrayList<>();

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
                case "search", "create-playlist", "playlist-tracks" -> webApi(parameters.getString("endpoint"), request);
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
            if ("client_credentials".equals(form.get("grant_type"))) {
                String access = "app-" + UUID.randomUUID();
                appTokens.add(access);
                return json(200, Json.createObjectBuilder().add("access_token", access).add("token_type", "Bearer").add("expires_in", 3600));
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

        /** The Web API endpoints beyond /v1/me: the switches first, then the caller, then the call. */
        private ResponseDefinition webApi(String endpoint, Request request) {
            String path = URI.create(request.getUrl()).getPath();
            ResponseDefinition answer;
            int tracks = 0;
            if (tooManyRequests.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                answer = responseDefinition().withStatus(429).withHeader("Retry-After", Integer.toString(retryAfterSeconds))
                        .withHeader("Content-Type", "application/json")
                        .withBody(error(429, "API rate limit exceeded").build().toString()).build();
            } else if (unavailable.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                answer = json(503, error(503, "Service unavailable"));
            } else if ("search".equals(endpoint) && appTokens.contains(bearer(request))) {
                answer = search(request);
            } else if (caller(request) == null) {
                answer = json(401, error(401, "The access token expired"));
            } else {
                User user = caller(request);
                JsonObject body = request.getBodyAsString().isBlank() ? null : Json.createReader(new StringReader(request.getBodyAsString())).readObject();
                switch (endpoint) {
                    case "search" -> answer = search(request);
                    case "create-playlist" -> answer = createPlaylist(user, path, body);
                    default -> {
                        if (body != null && body.containsKey("uris")) {
                            tracks = body.getJsonArray("uris").size();
                        }
                        answer = playlistTracks(user, request, path, body);
                    }
                }
            }
            synchronized (calls) {
                calls.add(new Call(System.nanoTime(), request.getMethod().getName(), path, answer.getStatus(), tracks));
            }
            return answer;
        }

        private ResponseDefinition search(Request request) {
            Map<String, String> query = query(request.getUrl());
            String q = query.getOrDefault("q", "");
            int limit = Integer.parseInt(query.getOrDefault("limit", "20"));
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher field = FIELD.matcher(q);
            StringBuilder free = new StringBuilder();
            int last = 0;
            while (field.find()) {
                free.append(q, last, field.start()).append(' ');
                fields.put(field.group(1).toLowerCase(Locale.ROOT), field.group(2) != null ? field.group(2) : field.group(3));
                last = field.end();
            }
            free.append(q.substring(last));
            JsonArrayBuilder items = Json.createArrayBuilder();
            int found = 0;
            for (Track track : catalog) {
                String title = words(track.title());
                String artists = words(String.join(" ", track.artists()));
                boolean matches = containsAll(title, fields.getOrDefault("track", ""))
                        && containsAll(artists, fields.getOrDefault("artist", ""))
                        && containsAll(title + " " + artists, free.toString());
                if (matches && found++ < limit) {
                    JsonArrayBuilder credited = Json.createArrayBuilder();
                    track.artists().forEach(name -> credited.add(Json.createObjectBuilder().add("name", name)));
                    items.add(Json.createObjectBuilder().add("uri", track.uri()).add("name", track.title())
                            .add("artists", credited).add("duration_ms", track.durationMs()));
                }
            }
            return json(200, Json.createObjectBuilder().add("tracks", Json.createObjectBuilder().add("items", items).add("total", found)));
        }

        private ResponseDefinition createPlaylist(User user, String path, JsonObject body) {
            String owner = URLDecoder.decode(path.split("/")[3], StandardCharsets.UTF_8);
            if (!owner.equals(user.id())) {
                return json(403, error(403, "You cannot create a playlist for another user"));
            }
            if (body == null || body.getString("name", "").isBlank()) {
                return json(400, error(400, "Missing required field: name"));
            }
            String id = UUID.randomUUID().toString().replace("-", "").substring(0, 22);
            playlists.put(id, new Playlist(id, user.id(), body.getString("name"), new CopyOnWriteArrayList<>()));
            return json(201, Json.createObjectBuilder().add("id", id).add("name", body.getString("name"))
                    .add("external_urls", Json.createObjectBuilder().add("spotify", "https://open.spotify.com/playlist/" + id)));
        }

        private ResponseDefinition playlistTracks(User user, Request request, String path, JsonObject body) {
            Playlist playlist = playlists.get(path.split("/")[3]);
            if (playlist == null) {
                return json(404, error(404, "Not found."));
            }
            if (!playlist.ownerId().equals(user.id())) {
                return json(403, error(403, "You cannot change this playlist"));
            }
            String snapshot = Json.createObjectBuilder().add("snapshot_id", UUID.randomUUID().toString()).build().toString();
            switch (request.getMethod().getName()) {
                case "GET" -> {
                    Map<String, String> query = query(request.getUrl());
                    int offset = Integer.parseInt(query.getOrDefault("offset", "0"));
                    int limit = Math.min(100, Integer.parseInt(query.getOrDefault("limit", "100")));
                    List<String> uris = List.copyOf(playlist.uris());
                    JsonArrayBuilder items = Json.createArrayBuilder();
                    uris.stream().skip(offset).limit(limit).forEach(uri -> items.add(Json.createObjectBuilder()
                            .add("track", Json.createObjectBuilder().add("uri", uri))));
                    JsonObjectBuilder page = Json.createObjectBuilder().add("items", items).add("total", uris.size());
                    if (offset + limit < uris.size()) {
                        page.add("next", url() + path + "?offset=" + (offset + limit) + "&limit=" + limit);
                    } else {
                        page.addNull("next");
                    }
                    return json(200, page);
                }
                case "POST" -> {
                    if (body == null || !body.containsKey("uris") || body.getJsonArray("uris").size() > 100) {
                        return json(400, error(400, "You can add a maximum of 100 tracks per request."));
                    }
                    body.getJsonArray("uris").getValuesAs(jakarta.json.JsonString.class).forEach(uri -> playlist.uris().add(uri.getString()));
                    return responseDefinition().withStatus(201).withHeader("Content-Type", "application/json").withBody(snapshot).build();
                }
                case "DELETE" -> {
                    if (body == null || !body.containsKey("tracks") || body.getJsonArray("tracks").size() > 100) {
                        return json(400, error(400, "You can remove a maximum of 100 tracks per request."));
                    }
                    body.getJsonArray("tracks").getValuesAs(JsonObject.class).forEach(t -> playlist.uris().removeIf(t.getString("uri")::equals));
                    return responseDefinition().withStatus(200).withHeader("Content-Type", "application/json").withBody(snapshot).build();
                }
                default -> {
                    return json(405, error(405, "Method not allowed"));
                }
            }
        }

        private String bearer(Request request) {
            String header = request.getHeader("Authorization");
            return header == null || !header.startsWith("Bearer ") ? "" : header.substring(7);
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

    private static final Pattern FIELD = Pattern.compile("(track|artist|album):(?:\"([^\"]*)\"|(\\S+))", Pattern.CASE_INSENSITIVE);

    private static JsonObjectBuilder error(int status, String message) {
        return Json.createObjectBuilder().add("error", Json.createObjectBuilder().add("status", status).add("message", message));
    }

    /** Lower case, no diacritics, words separated by one space (how the stand-in compares names). */
    static String words(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return (" " + plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip() + " ");
    }

    private static boolean containsAll(String haystack, String wanted) {
        for (String word : words(wanted).strip().split(" ")) {
            if (!word.isEmpty() && !haystack.contains(" " + word + " ")) {
                return false;
            }
        }
        return true;
    }

    private static List<Track> loadCatalog() {
        try (var in = SpotifyStandIn.class.getResourceAsStream("/spotify-stand-in/catalog.tsv")) {
            List<Track> tracks = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] cells = line.split("\t");
                    tracks.add(new Track(cells[0], cells[1], List.of(cells[2].split("; ")), Integer.parseInt(cells[3].strip())));
                }
            }
            return List.copyOf(tracks);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The stand-in's catalog cannot be read", e);
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
