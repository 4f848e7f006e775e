package stream.pika.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import stream.pika.identity.boundary.DjAccounts;
import stream.pika.identity.entity.Credentials;
import stream.pika.identity.entity.DjAccountMessages;
import stream.pika.identity.entity.Role;
import stream.pika.identity.entity.Roles;
import stream.pika.identity.entity.SignedInUser;
import stream.pika.platform.boundary.RateLimits;
import stream.pika.platform.entity.PikaException;
import stream.pika.platform.entity.Quota;
import stream.pika.platform.entity.RateLimitExceeded;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one authentication mechanism (Jakarta Security allows one), with two ways in; a request
 * uses exactly one of them:
 * <ul>
 * <li>{@code Authorization: Bearer pk_dj_…} (the API, the desktop app): that token's user. A
 * request with the header never looks at a cookie.</li>
 * <li>The browser's session cookie, after the sign-in form ({@code POST /auth/signin} with
 * {@code email}, {@code password}, {@code next}): a new session id at each sign-in (no fixation),
 * {@code POST /auth/signout} ends it, it lapses after {@code pika.auth.session-idle-timeout}. A
 * state-changing {@code /api} call with the cookie must carry {@code X-Pika-Client}, which a
 * cross-site form cannot send (the CSRF guard for cookie-authenticated REST; Faces forms have
 * their view state).</li>
 * </ul>
 * The caller name is the account id; the groups are the account's roles as they are now
 * ({@link Role#value()}), read at every request, plus {@link Roles#SIGNED_IN}. A bad token or an
 * ended session leaves the request anonymous but notes why ({@link #FAILURE}), so a protected
 * route can say so. {@code /ws} is left alone: the live path stays cheap.
 */
@ApplicationScoped
public class SignInMechanism implements HttpAuthenticationMechanism {

    /** Request attribute holding the reason presented credentials were not accepted. */
    public static final String FAILURE = SignInMechanism.class.getName() + ".failure";
    /** Session attribute: the signed-in account's id. */
    static final String SESSION_USER = "pika.userId";
    static final String SIGN_IN = "/auth/signin";
    static final String SIGN_OUT = "/auth/signout";
    static final String SIGN_IN_PAGE = "/signin";
    static final String CSRF_REFUSED = "Cookie sign-in needs the X-Pika-Client header on this request";
    private static final String SCHEME = "Bearer ";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Logger LOG = Logger.getLogger(SignInMechanism.class.getName());

    @Inject
    DjAccounts accounts;

    @Inject
    RateLimits rateLimits;

    @Inject
    ClientAddress clientAddress;

    @Inject
    BrowserSessions browserSessions;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header != null && !header.isBlank()) {
            return bearer(request, header, context);
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean post = "POST".equals(request.getMethod());
        if (post && SIGN_IN.equals(path)) {
            return signIn(request, response);
        }
        if (post && SIGN_OUT.equals(path)) {
            return signOut(request, response);
        }
        if ("/ws".equals(path)) {
            return context.doNothing();
        }
        return session(request, path, context);
    }

    /** The token of an {@code Authorization: Bearer} header, or {@code null} for another scheme. */
    public static String tokenOf(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        return authorization.substring(SCHEME.length()).strip();
    }

    private AuthenticationStatus bearer(HttpServletRequest request, String header, HttpMessageContext context) {
        String token = tokenOf(header);
        Optional<SignedInUser> user = token == null ? Optional.empty() : accounts.authenticate(token);
        if (user.isEmpty()) {
            request.setAttribute(FAILURE, DjAccountMessages.TOKEN_INVALID);
            return context.doNothing();
        }
        return signedIn(user.get(), context);
    }

    private AuthenticationStatus session(HttpServletRequest request, String path, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(SESSION_USER) instanceof Long userId)) {
            return context.doNothing();
        }
        if (path.startsWith("/api/") && !SAFE_METHODS.contains(request.getMethod()) && request.getHeader("X-Pika-Client") == null) {
            request.setAttribute(FAILURE, CSRF_REFUSED);
            return context.doNothing();
        }
        // The account as it is now: a suspension or a removed role counts from the next request.
        Optional<SignedInUser> user = accounts.sessionUser(userId);
        if (user.isEmpty()) {
            session.invalidate();
            request.setAttribute(FAILURE, DjAccountMessages.ACCOUNT_SUSPENDED);
            return context.doNothing();
        }
        return signedIn(user.get(), context);
    }

    private AuthenticationStatus signIn(HttpServletRequest request, HttpServletResponse response) {
        String next = safeNext(request.getParameter("next"));
        try {
            rateLimits.enforce(Quota.AUTH, clientAddress.of(request));
            SignedInUser user = accounts.signInBrowser(new Credentials(orEmpty(request.getParameter("email")),
                    orEmpty(request.getParameter("password"))));
            browserSessions.signIn(request, response, user.profile().id());
            return seeOther(request, response, next);
        } catch (RateLimitExceeded e) {
            return seeOther(request, response, SIGN_IN_PAGE + "?error=rate&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            String reason = unauthenticated(e).filter(DjAccountMessages.ACCOUNT_SUSPENDED::equals).isPresent() ? "suspended" : "credentials";
            LOG.fine(() -> "Browser sign-in refused: " + reason);
            return seeOther(request, response, SIGN_IN_PAGE + "?error=" + reason + "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        }
    }

    private AuthenticationStatus signOut(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return seeOther(request, response, SIGN_IN_PAGE + "?signedOut");
    }

    private static AuthenticationStatus signedIn(SignedInUser user, HttpMessageContext context) {
        Set<String> groups = Stream.concat(Stream.of(Roles.SIGNED_IN), user.roles().stream().map(Role::value))
                .collect(Collectors.toUnmodifiableSet());
        return context.notifyContainerAboutLogin(new CallerPrincipal(String.valueOf(user.profile().id())), groups);
    }

    private static AuthenticationStatus seeOther(HttpServletRequest request, HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + location);
        response.setHeader("Cache-Control", "no-store");
        return AuthenticationStatus.SEND_CONTINUE;
    }

    /** Where to go after signing in: a path of this site only (never another host: no open redirect). */
    public static String safeNext(String next) {
        if (next == null || next.isEmpty() || next.length() > 200 || !next.startsWith("/") || next.startsWith("//")
                || next.contains("\\") || next.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return "/";
        }
        return next;
    }

    private static Optional<String> unauthenticated(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PikaException refused && refused.kind() == PikaException.Kind.UNAUTHENTICATED) {
                return Optional.of(refused.getMessage());
            }
        }
        return Optional.empty();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
