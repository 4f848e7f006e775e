package stream.pika.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The auth quota (5 attempts per window per client IP, shared by register, login and regenerate)
 * against the real server. The IT server runs a {@link TestServer#AUTH_WINDOW} window so a test can
 * watch it end; the production default of 15 minutes is checked by a unit test.
 */
@ExtendWith(TestServer.class)
class RateLimitIT {

    private static final String TOO_MANY = "Too many requests, please try again later";

    @Test
    void sharedAuthQuotaTriggersAndResets() throws Exception {
        Api api = Api.newClient();
        JsonObject dj = Djs.register(api, "password-1");                                          // 1
        String email = dj.getJsonObject("user").getString("email");
        String login = "{\"email\":\"" + email + "\",\"password\":\"password-1\"}";
        assertEquals(401, api.post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"nope-nope\"}").status()); // 2
        Api.Reply signedIn = api.post("/api/auth/login", login);                                  // 3
        assertEquals(200, signedIn.status());
        assertEquals("5", signedIn.header("RateLimit-Limit"));
        assertEquals("2", signedIn.header("RateLimit-Remaining"));
        String token = signedIn.json().getString("token");
        assertEquals(400, api.post("/api/auth/register", "{}").status());                          // 4: bad input counts too
        Api.Reply regenerated = api.post("/api/auth/regenerate-token", "", "Authorization", "Bearer " + token); // 5
        assertEquals(200, regenerated.status());
        String current = regenerated.json().getString("token");

        Api.Reply refused = api.post("/api/auth/login", login);                                   // 6
        assertEquals(429, refused.status(), refused::toString);
        assertEquals(TOO_MANY, refused.error());
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= TestServer.AUTH_WINDOW.toSeconds(), "Retry-After " + retryAfter);
        assertEquals("0", refused.header("RateLimit-Remaining"));
        assertEquals(429, api.post("/api/auth/register", Djs.newRegistration("password-2")).status());

        // Another client is not affected, and reading the profile is not limited.
        assertEquals(200, Api.newClient().post("/api/auth/login", login).status());
        for (int i = 0; i < 12; i++) {
            assertEquals(200, api.get("/api/auth/me", "Authorization", "Bearer " + current).status());
        }

        Thread.sleep(Duration.ofSeconds(retryAfter).plusMillis(300).toMillis());
        assertEquals(200, api.post("/api/auth/login", login).status(), "the window has ended");
    }

    /**
     * Only the trusted proxy (127.0.0.1) may name the client in X-Forwarded-For. Over ::1 the
     * header is ignored, so changing it does not buy a fresh quota.
     */
    @Test
    void forwardedForFromAnUntrustedPeerDoesNotChangeTheKey() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI login = URI.create("http://[::1]:" + TestServer.server().port() + "/api/auth/login");
        int refused = 0;
        for (int i = 0; i < 7; i++) {
            HttpRequest request = HttpRequest.newBuilder(login)
                    .header("Content-Type", "application/json")
                    .header("X-Pika-Client", "pika-e2e")
                    .header("X-Forwarded-For", "203.0.113." + (i + 1))
                    .header("CF-Connecting-IP", "203.0.113." + (i + 1))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"nobody@example.com\",\"password\":\"12345678\"}"))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 429) {
                refused++;
            } else {
                assertEquals(401, response.statusCode(), response.body());
            }
        }
        assertTrue(refused >= 2, "the spoofed addresses shared one quota: " + refused + " of 7 refused");
    }
}
