package stream.pika.web.security;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import stream.pika.identity.entity.Roles;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where a browser lands: {@code /} opens the signed-in account's dashboard (the admin console,
 * else the Command Center, else the DJ's Career Hub, else a dancer's music journal), or the sign-in page. {@code /page-expired} is where a dashboard page
 * whose view ended (the session lapsed, the server restarted) is sent: the same page again, once
 * signed in.
 */
@WebServlet(urlPatterns = {"", Home.PAGE_EXPIRED})
public class Home extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String PAGE_EXPIRED = "/page-expired";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath();
        String target;
        if (PAGE_EXPIRED.equals(path)) {
            String back = SignInMechanism.safeNext(sameSitePath(request));
            target = request.getUserPrincipal() == null
                    ? SignInMechanism.SIGN_IN_PAGE + "?error=expired&next=" + URLEncoder.encode(back, StandardCharsets.UTF_8) : back;
        } else if (request.isUserInRole(Roles.ADMIN)) {
            target = "/admin/";
        } else if (request.isUserInRole(Roles.ORGANIZER)) {
            target = "/organizer/";
        } else if (request.isUserInRole(Roles.DJ)) {
            target = "/dj/";
        } else if (request.getUserPrincipal() != null) {
            target = "/me/journal"; // a dancer's own page
        } else {
            target = SignInMechanism.SIGN_IN_PAGE;
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + target);
        response.setHeader("Cache-Control", "no-store");
    }

    /** The page the browser came from, when it is one of this site's. */
    private static String sameSitePath(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return "/";
        }
        try {
            URI from = URI.create(referer);
            String host = request.getHeader("Host");
            if (host == null || !host.equalsIgnoreCase(from.getRawAuthority())) {
                return "/";
            }
            String path = from.getRawPath() == null ? "/" : from.getRawPath();
            return from.getRawQuery() == null ? path : path + "?" + from.getRawQuery();
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
