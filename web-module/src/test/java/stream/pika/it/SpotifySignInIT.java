package stream.pika.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16, items 1–3: "Sign in with Spotify" against the stand-in (authorization code with PKCE,
 * a single-use state bound to the browser's session), every refusal (and nothing created by one),
 * linking Spotify to a signed-in DJ, and the refresh token kept encrypted: in no table in clear,
 * never in the log.
 */
@ExtendWith(TestServer.class)
class SpotifySignInIT {

    private static final HttpClient STAND_IN = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** A browser: its cookie (the session) and its Accept header. */
    static final class Browser {
        final Api api = Api.newClient();
        String cookie;
        final boolean html;

        Browser(boolean html) {
            this.html = html;
        }

        Api.Reply get(URI relative) {
            return get(relative.toString());
        }

        Api.Reply get(String path) {
            List<String> headers = new ArrayList<>(List.of("Accept", html ? "text/html,application/xhtml+xml" : "application/json"));
            if (cookie != null) {
                headers.addAll(List.of("Cookie", cookie));
            }
            Api.Reply reply = api.get(path, headers.toArray(String[]::new));
            reply.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                    .findFirst().ifPresent(c -> cookie = c.substring(0, c.indexOf(';')));
            return reply;
        }
    }

    @Test
    void aDancerSignsInWithSpotifyAndComesBackToTheSameAccount() throws Exception {
        assertTrue(Api.newClient().get("/api/spotify/status").json().getBoolean("enabled"));
        assertTrue(Api.newClient().get("/signin?next=/event/7").body().contains("/api/auth/spotify/login?next=%2Fevent%2F7"),
                "the sign-in page offers Spotify");
        SpotifyStandIn.User user = SpotifyStandIn.User.fresh("Mia Westie");
        TestServer.spotify().signInAs(user);
        Browser browser = new Browser(true);

        Api.Reply login = browser.get("/api/auth/spotify/login?next=/event/7");
        assertEquals(302, login.status(), login::toString);
        URI authorize = URI.create(login.header("Location"));
        Map<String, String> asked = query(authorize);
        assertEquals(SpotifyStandIn.CLIENT_ID, asked.get("client_id"));
        assertEquals("S256", asked.get("code_challenge_method"));
        assertEquals("user-read-email playlist-modify-private playlist-modify-public", asked.get("scope"));
        assertEquals(TestServer.PUBLIC_URL + "/api/auth/spotify/callback", asked.get("redirect_uri"));
        assertTrue(asked.get("state").length() >= 32, "an unguessable state");
        assertTrue(asked.get("code_challenge").length() == 43, "a SHA-256 challenge, base64url");
        String attemptCookie = browser.cookie;

        Api.Reply back = browser.get(callbackOf(spotifyAnswers(authorize)));
        assertEquals(303, back.status(), back::toString);
        assertEquals("/event/7", local(back.header("Location")));
        assertNotEquals(attemptCookie, browser.cookie, "a new session id once signed in");
        JsonObject me = browser.api.get("/api/auth/me", "Cookie", browser.cookie).json();
        long accountId = me.getJsonObject("user").getJsonNumber("id").longValue();
        assertEquals("[\"dancer\"]", me.getJsonArray("roles").toString());
        assertEquals("Mia Westie", me.getJsonObject("user").getString("displayName"));
        JsonObject link = browser.api.get("/api/me/spotify", "Cookie", browser.cookie).json().getJsonObject("spotify");
        assertEquals(user.id(), link.getString("spotifyUserId"));
        assertEquals("linked", link.getString("status"));
        assertFalse(link.toString().contains("refresh"), "no token on any answer: " + link);

        // Another browser, the same Spotify user: the same account, no second one.
        Browser phone = new Browser(false);
        Api.Reply again = phone.get(callbackOf(spotifyAnswers(URI.create(phone.get("/api/auth/spotify/login").header("Location")))));
        assertEquals(303, again.status(), again::toString);
        assertEquals("/", local(again.header("Location")));
        assertEquals(accountId, phone.api.get("/api/auth/me", "Cookie", phone.cookie).json().getJsonObject("user").getJsonNumber("id").longValue());
        assertEquals(1, count("SELECT count(*) FROM spotify_links WHERE spotify_user_id = ?", user.id()));

        // The refresh token is kept encrypted: in no table in clear, never in the log.
        List<String> tokens = TestServer.spotify().tokensOf(user);
        assertTrue(tokens.size() >= 2, "the stand-in issued tokens: " + tokens.size());
        for (String token : tokens) {
            assertEquals(List.of(), tablesHolding(token), "a token of Spotify's in clear");
        }
        String log = Files.readString(TestServer.itDirectory().resolve("shared-server.log"));
        assertTrue(tokens.stream().noneMatch(log::contains), "a token of Spotify's in the log");
        // An account opened with Spotify has no password to sign in with.
        assertEquals(401, Api.newClient().post("/api/auth/login", "{\"email\":\"" + user.email() + "\",\"password\":\"anything at all\"}")
                .status());
    }

    @Test
    void everyRefusalSaysWhyAndCreatesNothing() throws Exception {
        long accounts = count("SELECT count(*) FROM users");
        SpotifyStandIn standIn = TestServer.spotify();
        standIn.signInAs(SpotifyStandIn.User.fresh("Refused Dancer"));

        // No attempt in this browser.
        Browser stranger = new Browser(false);
        Api.Reply noAttempt = stranger.get("/api/auth/spotify/callback?code=abc&state=def");
        assertEquals(400, noAttempt.status(), noAttempt::toString);
        assertEquals("No Spotify sign-in is under way in this browser: start again", noAttempt.error());
        Api.Reply page = new Browser(true).get("/api/auth/spotify/callback?code=abc&state=def");
        assertEquals(303, page.status(), page::toString);
        assertEquals("/signin?error=spotify-state", local(page.header("Location")));
        assertTrue(Api.newClient().get("/signin?error=spotify-state").body().contains("was not started in this browser"));

        // A state of another attempt; the attempt is used up by it.
        Browser browser = new Browser(false);
        URI callback = callbackOf(spotifyAnswers(URI.create(browser.get("/api/auth/spotify/login").header("Location"))));
        Map<String, String> answer = query(callback);
        Api.Reply mismatch = browser.get("/api/auth/spotify/callback?code=" + answer.get("code") + "&state=another-state");
        assertEquals(400, mismatch.status(), mismatch::toString);
        assertEquals("This Spotify sign-in does not belong to this browser: start again", mismatch.error());
        Api.Reply used = browser.get(callback);
        assertEquals(400, used.status(), "single use: " + used);

        // A code replayed (it signed a browser in once already) is refused by Spotify.
        Browser first = new Browser(false);
        URI firstCallback = callbackOf(spotifyAnswers(URI.create(first.get("/api/auth/spotify/login").header("Location"))));
        assertEquals(303, first.get(firstCallback).status());
        long afterOne = count("SELECT count(*) FROM users");
        assertEquals(accounts + 1, afterOne, "the one sign-in that worked opened one account");
        Browser replay = new Browser(false);
        Map<String, String> fresh = query(URI.create(replay.get("/api/auth/spotify/login").header("Location")));
        Api.Reply replayed = replay.get("/api/auth/spotify/callback?code=" + query(firstCallback).get("code") + "&state=" + fresh.get("state"));
        assertEquals(400, replayed.status(), replayed::toString);
        assertEquals("Spotify refused the sign-in: start again", replayed.error());

        // The dancer clicks "Cancel" on Spotify's page.
        standIn.signInAs(SpotifyStandIn.User.fresh("Cancelling Dancer"));
        standIn.denyNext();
        Browser cancelling = new Browser(true);
        URI cancelled = callbackOf(spotifyAnswers(URI.create(cancelling.get("/api/auth/spotify/login").header("Location"))));
        assertTrue(cancelled.getRawQuery().contains("error=access_denied"), cancelled::toString);
        Api.Reply cancelledPage = cancelling.get(cancelled);
        assertEquals("/signin?error=spotify-cancelled", local(cancelledPage.header("Location")));

        // Spotify's accounts service fails.
        standIn.failNextToken();
        Browser unlucky = new Browser(false);
        URI failing = callbackOf(spotifyAnswers(URI.create(unlucky.get("/api/auth/spotify/login").header("Location"))));
        Api.Reply unavailable = unlucky.get(failing);
        assertEquals(503, unavailable.status(), unavailable::toString);
        assertEquals("Spotify is not answering: try again in a minute", unavailable.error());

        assertEquals(afterOne, count("SELECT count(*) FROM users"), "no refusal opened an account");
    }

    @Test
    void aSignedInDjAddsSpotifyToItsAccount() throws Exception {
        Api api = Api.newClient();
        String password = "dj spotify password";
        JsonObject registered = Djs.register(api, password);
        long djId = registered.getJsonObject("user").getJsonNumber("id").longValue();
        Browser browser = new Browser(false);
        Api.Reply signedIn = api.postRaw("/auth/signin", "email=" + registered.getJsonObject("user").getString("email")
                .replace("@", "%40") + "&password=" + password.replace(' ', '+') + "&next=/dj", "Content-Type", "application/x-www-form-urlencoded");
        assertEquals(303, signedIn.status(), signedIn::toString);
        String setCookie = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        browser.cookie = setCookie.substring(0, setCookie.indexOf(';'));

        SpotifyStandIn.User user = SpotifyStandIn.User.fresh("DJ On Spotify");
        TestServer.spotify().signInAs(user);
        Api.Reply back = browser.get(callbackOf(spotifyAnswers(URI.create(browser.get("/api/auth/spotify/login").header("Location")))));
        assertEquals(303, back.status(), back::toString);
        JsonObject me = browser.api.get("/api/auth/me", "Cookie", browser.cookie).json();
        assertEquals(djId, me.getJsonObject("user").getJsonNumber("id").longValue(), "the same account, with Spotify now");
        assertEquals("[\"dj\"]", me.getJsonArray("roles").toString());
        assertEquals(user.id(), browser.api.get("/api/me/spotify", "Cookie", browser.cookie).json().getJsonObject("spotify")
                .getString("spotifyUserId"));

        // Another account cannot take that Spotify account over.
        Api other = Api.newClient();
        JsonObject rival = Djs.register(other, password);
        Api.Reply rivalIn = other.postRaw("/auth/signin", "email=" + rival.getJsonObject("user").getString("email").replace("@", "%40")
                + "&password=" + password.replace(' ', '+'), "Content-Type", "application/x-www-form-urlencoded");
        String rivalCookie = rivalIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        Browser rivalBrowser = new Browser(false);
        rivalBrowser.cookie = rivalCookie.substring(0, rivalCookie.indexOf(';'));
        Api.Reply taken = rivalBrowser.get(callbackOf(spotifyAnswers(URI.create(rivalBrowser.get("/api/auth/spotify/login").header("Location")))));
        assertEquals(409, taken.status(), taken::toString);
        assertEquals("This Spotify account is linked to another Pika! account", taken.error());
    }

    @Test
    void anExpiredAccessTokenIsRefreshedOnceAndARevokedLinkAsksToReconnect() throws Exception {
        SpotifyStandIn standIn = TestServer.spotify();
        SpotifyStandIn.User user = SpotifyStandIn.User.fresh("Token Dancer");
        standIn.signInAs(user);
        Browser browser = new Browser(false);
        assertEquals(303, browser.get(callbackOf(spotifyAnswers(URI.create(browser.get("/api/auth/spotify/login").header("Location")))))
                .status());

        int refreshes = standIn.refreshes();
        assertEquals("linked", check(browser).getString("status"));
        assertEquals(refreshes + 1, standIn.refreshes(), "the first call makes an access token from the stored refresh token");
        assertEquals("linked", check(browser).getString("status"));
        assertEquals(refreshes + 1, standIn.refreshes(), "the access token is kept in memory until it expires");

        standIn.expireAccessTokens(); // Spotify says 401 to the one held
        assertEquals("linked", check(browser).getString("status"));
        assertEquals(refreshes + 2, standIn.refreshes(), "a 401: one refresh, one retry");

        standIn.revokeRefreshTokensOf(user);
        standIn.expireAccessTokens();
        assertEquals("broken", check(browser).getString("status"), "the dancer revoked the app: reconnect Spotify");
        assertEquals("broken", browser.api.get("/api/me/spotify", "Cookie", browser.cookie).json().getJsonObject("spotify").getString("status"));

        // Reconnecting: the same account, linked again.
        long accountId = browser.api.get("/api/auth/me", "Cookie", browser.cookie).json().getJsonObject("user").getJsonNumber("id").longValue();
        Browser again = new Browser(false);
        assertEquals(303, again.get(callbackOf(spotifyAnswers(URI.create(again.get("/api/auth/spotify/login").header("Location"))))).status());
        assertEquals(accountId, again.api.get("/api/auth/me", "Cookie", again.cookie).json().getJsonObject("user").getJsonNumber("id").longValue());
        assertEquals("linked", check(again).getString("status"));
    }

    private static JsonObject check(Browser browser) {
        Api.Reply checked = browser.api.post("/api/me/spotify/check", "", "Cookie", browser.cookie);
        assertEquals(200, checked.status(), checked::toString);
        return checked.json().getJsonObject("spotify");
    }

    /** What Spotify's page answers the browser: the redirect to the callback. */
    private static URI spotifyAnswers(URI authorize) throws IOException, InterruptedException {
        HttpResponse<String> answer = STAND_IN.send(HttpRequest.newBuilder(authorize).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, answer.statusCode(), answer::body);
        return URI.create(answer.headers().firstValue("Location").orElseThrow());
    }

    /** The callback at the public URL, as a path of the test server (the proxy's job in production). */
    private static URI callbackOf(URI redirect) {
        assertTrue(redirect.toString().startsWith(TestServer.PUBLIC_URL + "/api/auth/spotify/callback"), redirect::toString);
        return URI.create(redirect.getRawPath() + "?" + redirect.getRawQuery());
    }

    /** The path and query of a Location (JAX-RS makes it absolute, with the host the request named). */
    private static String local(String location) {
        URI uri = URI.create(location);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    static long count(String sql, Object... parameters) throws SQLException {
        try (Connection db = TestServer.postgres().connect(TestServer.DATABASE); PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Every table and column (text, or bytes as text) of the database holding {@code secret} in clear. */
    static List<String> tablesHolding(String secret) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection db = TestServer.postgres().connect(TestServer.DATABASE); Statement sql = db.createStatement();
             ResultSet columns = sql.executeQuery("SELECT table_name, column_name, data_type FROM information_schema.columns"
                     + " WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'bytea', 'jsonb', 'json')")) {
            List<String[]> all = new ArrayList<>();
            while (columns.next()) {
                all.add(new String[]{columns.getString(1), columns.getString(2), columns.getString(3)});
            }
            for (String[] column : all) {
                String condition = column[2].equals("bytea")
                        ? "position(convert_to(?, 'UTF8') in \"" + column[1] + "\") > 0"
                        : "position(? in \"" + column[1] + "\"::text) > 0";
                try (PreparedStatement probe = db.prepareStatement("SELECT count(*) FROM \"" + column[0] + "\" WHERE " + condition)) {
                    probe.setString(1, secret);
                    try (ResultSet rows = probe.executeQuery()) {
                        rows.next();
                        if (rows.getLong(1) > 0) {
                            found.add(column[0] + "." + column[1]);
                        }
                    }
                }
            }
        }
        return found;
    }
}
