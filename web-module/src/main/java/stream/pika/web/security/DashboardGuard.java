package stream.pika.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.text.StringEscapeUtils;
import stream.pika.identity.entity.Roles;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Who may open a dashboard: {@code /organizer} is the organizers', {@code /admin} the admins'. A
 * browser that is not signed in goes to the sign-in page (and comes back after it); a signed-in
 * account without the role gets a 403 page, never the view. The boundaries check again behind
 * every action (their {@code @RolesAllowed} and ownership rules).
 */
@WebFilter(asyncSupported = true) // mapped in web.xml: /organizer/*, /admin/*, /dj/* (after the DJ profiles' filter)
public class DashboardGuard extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(DashboardGuard.class.getName());
    static final Map<String, String> ROLE_OF_AREA = Map.of("organizer", Roles.ORGANIZER, "admin", Roles.ADMIN, "dj", Roles.DJ);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String area = path.substring(1).split("/", 2)[0];
        String role = ROLE_OF_AREA.get(area);
        response.setHeader("Cache-Control", "no-store");
        if (role != null && request.isUserInRole(role)) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getUserPrincipal() == null) {
            String query = request.getQueryString();
            String back = SignInMechanism.safeNext(query == null ? path : path + "?" + query);
            // A post comes from a page that was open: its session ended (a first visit is a GET).
            boolean lapsed = "POST".equals(request.getMethod());
            String signIn = request.getContextPath() + SignInMechanism.SIGN_IN_PAGE + "?" + (lapsed ? "error=expired&" : "")
                    + "next=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
            if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
                // An ajax request follows no redirect by itself: Faces' own answer tells the page to go.
                response.setContentType("text/xml;charset=UTF-8");
                response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                        + StringEscapeUtils.escapeXml10(signIn) + "\"></redirect></partial-response>");
                return;
            }
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", signIn);
            return;
        }
        LOG.info(() -> "Account " + request.getUserPrincipal().getName() + " refused the " + area + " dashboard (no " + role + " role)");
        refused(request, response, area);
    }

    private static void refused(HttpServletRequest request, HttpServletResponse response, String area) throws IOException {
        String nonce = String.valueOf(request.getAttribute(ResponseHeaders.NONCE));
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <link rel="icon" href="/favicon.svg" type="image/svg+xml">
                <title>Not for this account · Pika!</title>
                <style nonce="%s">
                  :root { color-scheme: dark; }
                  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #14121f;
                         color: #f3f1fa; font: 16px/1.5 system-ui, sans-serif; }
                  main { width: min(26rem, calc(100vw - 2rem)); padding: 2rem; background: #1f1c30; border-radius: 1rem; }
                  a, button { color: #ffcc33; } button { background: none; border: 0; font: inherit; cursor: pointer; padding: 0; text-decoration: underline; }
                </style>
                </head>
                <body>
                <main>
                <h1>Not for this account</h1>
                <p>The %s dashboard needs the %s role, which this account does not have.</p>
                <p><a href="%s/">Home</a></p>
                <form method="post" action="%s"><button type="submit">Sign in with another account</button></form>
                </main>
                </body>
                </html>
                """.formatted(nonce, StringEscapeUtils.escapeHtml4(area), StringEscapeUtils.escapeHtml4(ROLE_OF_AREA.getOrDefault(area, area)),
                StringEscapeUtils.escapeHtml4(request.getContextPath()),
                StringEscapeUtils.escapeHtml4(request.getContextPath() + SignInMechanism.SIGN_OUT)));
    }
}
