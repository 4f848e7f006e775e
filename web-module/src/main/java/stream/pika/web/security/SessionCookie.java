package stream.pika.web.security;

import jakarta.servlet.http.HttpServletResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The browser session's cookie ({@code JSESSIONID}): HttpOnly (web.xml), SameSite=Lax, and Secure
 * when this request came over https, directly or through a trusted proxy. Set on the header here:
 * Payara ignores a SameSite cookie attribute in web.xml, and decides Secure by the connection it
 * sees, which behind a TLS-terminating proxy is plain http.
 */
final class SessionCookie {

    static final String NAME = "JSESSIONID";

    private SessionCookie() {
    }

    /** Adds SameSite=Lax, and Secure when the client is on https, to the session cookie the response sets. */
    static void harden(HttpServletResponse response, boolean https) {
        List<String> cookies = new ArrayList<>(response.getHeaders("Set-Cookie"));
        boolean first = true;
        for (String cookie : cookies) {
            String value = cookie.startsWith(NAME + "=") ? hardened(cookie, https) : cookie;
            if (first) {
                response.setHeader("Set-Cookie", value);
                first = false;
            } else {
                response.addHeader("Set-Cookie", value);
            }
        }
    }

    private static String hardened(String cookie, boolean https) {
        String lower = cookie.toLowerCase(Locale.ROOT);
        String value = lower.contains("; samesite=") ? cookie : cookie + "; SameSite=Lax";
        return https && !lower.contains("; secure") ? value + "; Secure" : value;
    }
}
