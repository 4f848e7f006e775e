package stream.pika.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import stream.pika.platform.entity.SecretTokens;

import java.util.Optional;

/**
 * The browser's device cookie ({@code pika_device}): a random value a same-origin page's
 * {@code /ws} upgrade receives once and sends back after. Likes record its hash (never the value),
 * so an account can later claim the anonymous likes this very browser made, and nobody else's.
 */
@ApplicationScoped
public class DeviceCookie {

    static final String NAME = "pika_device";
    /** Two years: a dancer's phone is the same device from one season to the next. */
    private static final int MAX_AGE_SECONDS = 2 * 365 * 24 * 3600;
    private static final String PREFIX = "dev_";

    @Inject
    ClientAddress clientAddress;

    /** The hash of the device cookie this request carries, if it carries a well-formed one. */
    public Optional<String> deviceOf(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (NAME.equals(cookie.getName()) && SecretTokens.wellFormed(PREFIX, cookie.getValue())) {
                    return Optional.of(SecretTokens.hash(cookie.getValue()));
                }
            }
        }
        return Optional.empty();
    }

    /** The request's device, or a new one given to the browser with this response. */
    public String deviceOrIssue(HttpServletRequest request, HttpServletResponse response) {
        Optional<String> known = deviceOf(request);
        if (known.isPresent()) {
            return known.get();
        }
        String value = SecretTokens.newToken(PREFIX);
        response.addHeader("Set-Cookie", NAME + "=" + value + "; Path=/; Max-Age=" + MAX_AGE_SECONDS + "; HttpOnly; SameSite=Lax"
                + (clientAddress.secure(request) ? "; Secure" : ""));
        return SecretTokens.hash(value);
    }
}
