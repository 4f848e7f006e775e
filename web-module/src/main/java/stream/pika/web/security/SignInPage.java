package stream.pika.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.text.StringEscapeUtils;
import stream.pika.identity.boundary.SpotifySignIn;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The browser's sign-in page ({@code /signin}): a plain form that posts to the sign-in mechanism
 * ({@code /auth/signin}); after a refusal it says why. Its one style block carries the CSP nonce.
 */
@WebServlet(urlPatterns = SignInMechanism.SIGN_IN_PAGE)
public class SignInPage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final Map<String, String> ERRORS = Map.ofEntries(
            Map.entry("credentials", "Invalid email or password."),
            Map.entry("suspended", "This account is suspended."),
            Map.entry("expired", "Your session has ended: sign in again to go on."),
            Map.entry("rate", "Too many sign-in attempts from this network. Try again in a few minutes."),
            Map.entry("spotify-cancelled", "Spotify sign-in was cancelled."),
            Map.entry("spotify-state", "That Spotify sign-in was not started in this browser, or took too long. Please start again."),
            Map.entry("spotify-refused", "Spotify refused the sign-in. Please start again."),
            Map.entry("spotify-unavailable", "Spotify is not answering. Try again in a minute."),
            Map.entry("spotify-linked", "That Spotify account is linked to another Pika! account."),
            Map.entry("spotify-off", "Spotify sign-in is not available here."));

    @Inject
    SpotifySignIn spotify;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String nonce = String.valueOf(request.getAttribute(ResponseHeaders.NONCE));
        String next = SignInMechanism.safeNext(request.getParameter("next"));
        String code = request.getParameter("error");
        String error = code == null ? null : ERRORS.get(code); // Map.of refuses a null key
        String notice = error != null ? "<p class=\"error\" role=\"alert\">" + error + "</p>"
                : request.getParameter("signedOut") != null ? "<p class=\"notice\" role=\"status\">You are signed out.</p>" : "";
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <link rel="icon" href="/favicon.svg" type="image/svg+xml">
                <title>Sign in · Pika!</title>
                <style nonce="%s">
                  :root { color-scheme: dark; }
                  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #14121f;
                         color: #f3f1fa; font: 16px/1.5 system-ui, sans-serif; }
                  main { width: min(22rem, calc(100vw - 2rem)); padding: 2rem; background: #1f1c30; border-radius: 1rem; }
                  h1 { margin: 0 0 1.5rem; font-size: 1.6rem; }
                  label { display: block; margin: 0 0 1rem; }
                  input { box-sizing: border-box; width: 100%%; margin-top: .25rem; padding: .7rem; border: 1px solid #4b4666;
                          border-radius: .5rem; background: #14121f; color: inherit; font: inherit; }
                  button { width: 100%%; padding: .8rem; border: 0; border-radius: .5rem; background: #ffcc33; color: #14121f;
                           font: 600 1rem system-ui, sans-serif; cursor: pointer; }
                  .error { color: #ff8a8a; } .notice { color: #9be29b; }
                  .or { margin: 1.25rem 0 0; text-align: center; }
                  .spotify { display: block; padding: .8rem; border-radius: .5rem; background: #1db954; color: #0b1d10;
                             font-weight: 600; text-decoration: none; }
                </style>
                </head>
                <body>
                <main>
                <h1>Pika! sign in</h1>
                %s
                <form method="post" action="%s">
                <input type="hidden" name="next" value="%s">
                <label>Email<input type="email" name="email" autocomplete="username" required maxlength="254"></label>
                <label>Password<input type="password" name="password" autocomplete="current-password" required maxlength="128"></label>
                <button type="submit">Sign in</button>
                </form>
                %s
                </main>
                </body>
                </html>
                """.formatted(nonce, notice, StringEscapeUtils.escapeHtml4(request.getContextPath() + SignInMechanism.SIGN_IN),
                StringEscapeUtils.escapeHtml4(next), spotifyButton(request, next)));
    }

    /** "Sign in with Spotify" when Spotify is configured. */
    private String spotifyButton(HttpServletRequest request, String next) {
        if (!spotify.status().enabled()) {
            return "";
        }
        String href = request.getContextPath() + "/api/auth/spotify/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
        return "<p class=\"or\"><a class=\"spotify\" href=\"" + StringEscapeUtils.escapeHtml4(href) + "\">Sign in with Spotify</a></p>";
    }
}
