package stream.pika.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Security headers on every response (a fresh CSP nonce each time) and CORS for the configured origins only. */
@ExtendWith(TestServer.class)
class SecurityHeadersIT {

    private static final Pattern NONCE = Pattern.compile("script-src 'strict-dynamic' 'nonce-([A-Za-z0-9+/=]{24})'$");

    @Test
    void everyResponseCarriesTheHeadersAndAFreshNonce() {
        Api api = Api.newClient();
        Set<String> nonces = new HashSet<>();
        for (String path : new String[]{"/health", "/api/sessions", "/no-such-page.html", "/health"}) {
            Api.Reply reply = api.get(path);
            String policy = reply.header("Content-Security-Policy");
            Matcher nonce = NONCE.matcher(policy == null ? "" : policy);
            assertTrue(nonce.find(), path + ": " + policy);
            nonces.add(nonce.group(1));
            assertFalse(policy.contains("unsafe-inline") || policy.contains("unsafe-eval"), policy);
            for (String directive : new String[]{"frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'"}) {
                assertTrue(policy.contains(directive), directive);
            }
            assertEquals("nosniff", reply.header("X-Content-Type-Options"), path);
            assertEquals("strict-origin-when-cross-origin", reply.header("Referrer-Policy"), path);
            assertNull(reply.header("Strict-Transport-Security"), "not over plain http");
        }
        assertEquals(4, nonces.size(), "a new nonce per response");

        // Behind the trusted proxy, https as the proxy reports it brings HSTS.
        String hsts = api.get("/health", "X-Forwarded-Proto", "https").header("Strict-Transport-Security");
        assertTrue(hsts != null && hsts.startsWith("max-age="), String.valueOf(hsts));
    }

    @Test
    void corsAnswersTheConfiguredOriginsOnly() {
        Api api = Api.newClient();
        Api.Reply allowed = api.get("/api/sessions", "Origin", TestServer.ALLOWED_ORIGIN);
        assertEquals(TestServer.ALLOWED_ORIGIN, allowed.header("Access-Control-Allow-Origin"));
        assertEquals("true", allowed.header("Access-Control-Allow-Credentials"));
        Api.Reply other = api.get("/api/sessions", "Origin", "https://evil.example");
        assertEquals(200, other.status());
        assertNull(other.header("Access-Control-Allow-Origin"));

        Api.Reply preflight = api.options("/api/auth/login", "Origin", TestServer.ALLOWED_ORIGIN,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type,x-pika-client");
        assertEquals(204, preflight.status());
        assertTrue(preflight.header("Access-Control-Allow-Methods").contains("POST"));
        assertTrue(preflight.header("Access-Control-Allow-Headers").contains("X-Pika-Client"));
        Api.Reply refused = api.options("/api/auth/login", "Origin", "https://evil.example", "Access-Control-Request-Method", "POST");
        assertEquals(403, refused.status());
        assertEquals("Origin not allowed", refused.error());
    }
}
