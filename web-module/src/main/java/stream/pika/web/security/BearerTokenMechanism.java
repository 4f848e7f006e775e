package stream.pika.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import stream.pika.identity.boundary.DjAccounts;
import stream.pika.identity.entity.DjAccountMessages;
import stream.pika.identity.entity.Role;
import stream.pika.identity.entity.SignedInUser;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code Authorization: Bearer pk_dj_…} signs the request in as that user: the caller name is the
 * account id and the groups are the account's roles as they are now ({@link Role#value()}). Requests without the header stay anonymous;
 * a bad token also leaves the request anonymous but notes why, so a protected route can say
 * "Invalid token" rather than "Authorization token required".
 */
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

    /** Request attribute holding the reason a presented token was not accepted. */
    public static final String FAILURE = BearerTokenMechanism.class.getName() + ".failure";
    private static final String SCHEME = "Bearer ";

    @Inject
    DjAccounts accounts;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            return context.doNothing();
        }
        String token = tokenOf(header);
        Optional<SignedInUser> user = token == null ? Optional.empty() : accounts.authenticate(token);
        if (user.isEmpty()) {
            request.setAttribute(FAILURE, DjAccountMessages.TOKEN_INVALID);
            return context.doNothing();
        }
        // The groups are the account's roles now, read for this request: a removed role counts at once.
        Set<String> groups = user.get().roles().stream().map(Role::value).collect(Collectors.toUnmodifiableSet());
        return context.notifyContainerAboutLogin(new CallerPrincipal(String.valueOf(user.get().profile().id())), groups);
    }

    /** The token of an {@code Authorization: Bearer} header, or {@code null} for another scheme. */
    public static String tokenOf(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        return authorization.substring(SCHEME.length()).strip();
    }
}
