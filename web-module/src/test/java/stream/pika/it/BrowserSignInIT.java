package stream.pika.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, item 5: the browser's form sign-in. The session cookie is HttpOnly, SameSite=Lax and
 * Secure over https; each sign-in gets a new session id; sign-out ends it; a cookie-authenticated
 * state-changing API call needs X-Pika-Client; a request with a bearer token is that token's,
 * whatever cookie it carries; the session follows the account's standing at every request.
 */
@ExtendWith(TestServer.class)
class BrowserSignInIT {

    private static final String PASSWORD = "browser password";
    private static final Pattern SESSION_COOKIE = Pattern.compile("JSESSIONID=([^;]+)");

    @Test
    void aBrowserSignsInWithTheFormAndUsesTheSessionCookie() {
        Api browser = Api.newClient();
        JsonObject registered = Djs.register(browser, PASSWORD);
        LiveDj dj = LiveDj.of(registered);
        String email = registered.getJsonObject("user").getString("email");

        Api.Reply page = browser.get("/signin?error=credentials&next=/organizer");
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.header("Content-Type").startsWith("text/html"), page::toString);
        String nonce = between(page.header("Content-Security-Policy"), "'nonce-", "'");
        assertTrue(page.body().contains("<style nonce=\"" + nonce + "\">"), "the page's style carries this response's nonce");
        assertTrue(page.body().contains("Invalid email or password."), page::body);
        assertTrue(page.body().contains("action=\"/auth/signin\"") && page.body().contains("value=\"/organizer\""), page::body);

        Api.Reply wrong = signIn(browser, email, "not the password", "/organizer");
        assertEquals(303, wrong.status(), wrong::toString);
        assertEquals("/signin?error=credentials&next=%2Forganizer", wrong.header("Location"));
        assertTrue(cookies(wrong).stream().noneMatch(c -> c.startsWith("JSESSIONID=")), "no session for a wrong password");

        Api.Reply signedIn = signIn(browser, email, PASSWORD, "/organizer");
        assertEquals(303, signedIn.status(), signedIn::toString);
        assertEquals("/organizer", signedIn.header("Location"));
        String setCookie = sessionCookieHeader(signedIn);
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Lax"), setCookie);
        assertFalse(setCookie.contains("Secure"), "plain http: " + setCookie);
        String cookie = cookieOf(setCookie);

        JsonObject me = browser.get("/api/auth/me", "Cookie", cookie).json();
        assertEquals(dj.accountId, me.getJsonObject("user").getJsonNumber("id").longValue());
        assertEquals("[\"dj\"]", me.getJsonArray("roles").toString());

        // A DJ-only call that needs no client header with a bearer token: with a cookie it does.
        String fingerprints = "/api/sessions/" + LiveDj.newSessionId() + "/sync-fingerprints";
        String tracks = "{\"tracks\":[{\"artist\":\"A\",\"title\":\"T\"}]}";
        Api.Reply crossSite = browser.postRaw(fingerprints, tracks, "Content-Type", "application/json", "Cookie", cookie);
        assertEquals(401, crossSite.status(), "without X-Pika-Client a cookie does not sign the call in: " + crossSite);
        assertEquals("Cookie sign-in needs the X-Pika-Client header on this request", crossSite.error());
        Api.Reply sameSite = browser.post(fingerprints, tracks, "Cookie", cookie);
        assertEquals(404, sameSite.status(), "signed in as the DJ (and that set is not its): " + sameSite);

        // One mechanism per request: a bearer token wins over the cookie it travels with.
        Api other = Api.newClient();
        LiveDj someoneElse = LiveDj.of(Djs.register(other, PASSWORD));
        JsonObject bearerMe = browser.get("/api/auth/me", "Cookie", cookie, "Authorization", "Bearer " + someoneElse.token).json();
        assertEquals(someoneElse.accountId, bearerMe.getJsonObject("user").getJsonNumber("id").longValue());
        assertEquals(401, browser.get("/api/auth/me", "Cookie", cookie, "Authorization", "Bearer pk_dj_nonsense").status(),
                "a bad token is not rescued by the cookie");

        // A new session id at each sign-in; the old one is worth nothing afterwards.
        Api.Reply again = signIn(browser, email, PASSWORD, "/", "Cookie", cookie);
        String newCookie = cookieOf(sessionCookieHeader(again));
        assertNotEquals(cookie, newCookie);
        assertEquals(401, browser.get("/api/auth/me", "Cookie", cookie).status(), "the old session ended");
        assertEquals(200, browser.get("/api/auth/me", "Cookie", newCookie).status());

        Api.Reply signedOut = browser.postRaw("/auth/signout", "", "Cookie", newCookie);
        assertEquals(303, signedOut.status(), signedOut::toString);
        assertEquals("/signin?signedOut", signedOut.header("Location"));
        assertEquals(401, browser.get("/api/auth/me", "Cookie", newCookie).status(), "signed out");
    }

    @Test
    void theCookieIsSecureOverHttpsTheNextStaysOnThisSiteAndASuspensionEndsTheSession() throws Exception {
        Api browser = Api.newClient();
        JsonObject registered = Djs.register(browser, PASSWORD);
        LiveDj dj = LiveDj.of(registered);
        String email = registered.getJsonObject("user").getString("email");

        Api.Reply overHttps = signIn(browser, email, PASSWORD, "//evil.example/steal", "X-Forwarded-Proto", "https");
        assertEquals(303, overHttps.status(), overHttps::toString);
        assertEquals("/", overHttps.header("Location"), "never another site");
        assertTrue(sessionCookieHeader(overHttps).contains("Secure"), sessionCookieHeader(overHttps));
        String cookie = cookieOf(sessionCookieHeader(overHttps));
        assertEquals(200, browser.get("/api/auth/me", "Cookie", cookie).status());

        assertEquals(1, Admins.sql("UPDATE users SET status = 'suspended' WHERE id = ?", dj.accountId));
        Api.Reply suspended = browser.get("/api/auth/me", "Cookie", cookie);
        assertEquals(401, suspended.status(), suspended::toString);
        Admins.sql("UPDATE users SET status = 'active' WHERE id = ?", dj.accountId);
        assertEquals(401, browser.get("/api/auth/me", "Cookie", cookie).status(), "that session ended for good");
        Api.Reply refused = signIn(browser, email, "wrong", "/");
        assertEquals("/signin?error=credentials&next=%2F", refused.header("Location"));
    }

    @Test
    void anIdleSessionLapses() {
        Api browser = Api.newClient();
        JsonObject registered = Djs.register(browser, PASSWORD);
        String cookie = cookieOf(sessionCookieHeader(signIn(browser, registered.getJsonObject("user").getString("email"), PASSWORD, "/")));
        Waits.pause(TestServer.SESSION_IDLE_TIMEOUT.minusSeconds(5));
        assertEquals(200, browser.get("/api/auth/me", "Cookie", cookie).status(), "in use: the idle time starts again");
        Waits.pause(TestServer.SESSION_IDLE_TIMEOUT.plusSeconds(2));
        assertEquals(401, browser.get("/api/auth/me", "Cookie", cookie).status(), "unused longer than PIKA_AUTH_SESSION_IDLE_TIMEOUT");
    }

    private static Api.Reply signIn(Api browser, String email, String password, String next, String... headers) {
        String form = "email=" + encode(email) + "&password=" + encode(password) + "&next=" + encode(next);
        List<String> all = new java.util.ArrayList<>(List.of("Content-Type", "application/x-www-form-urlencoded"));
        all.addAll(List.of(headers));
        return browser.postRaw("/auth/signin", form, all.toArray(String[]::new));
    }

    private static List<String> cookies(Api.Reply reply) {
        return reply.headers().allValues("Set-Cookie");
    }

    private static String sessionCookieHeader(Api.Reply reply) {
        return cookies(reply).stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + reply + " " + reply.headers().map()));
    }

    private static String cookieOf(String setCookie) {
        Matcher matcher = SESSION_COOKIE.matcher(setCookie);
        assertTrue(matcher.find(), setCookie);
        return "JSESSIONID=" + matcher.group(1);
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
