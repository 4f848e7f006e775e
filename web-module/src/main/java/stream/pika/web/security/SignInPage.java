package stream.pika.web.security;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.text.StringEscapeUtils;

import java.io.IOException;
import java.util.Map;

/**
 * The browser's sign-in page ({@code /signin}): a plain form that posts to the sign-in mechanism
 * ({@code /auth/signin}); after a refusal it says why. Its one style block carries the CSP nonce.
 */
@WebServlet(urlPatterns = SignInMechanism.SIGN_IN_PAGE)
public class SignInPage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final Map<String, String> ERRORS = Map.of(
            "credentials", "Invalid email or password.",
            "suspended", "This account is suspended.",
            "rate", "Too many sign-in attempts from this network. Try again in a few minutes.");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String nonce = String.valueOf(request.getAttribute(ResponseHeaders.NONCE));
        String next = SignInMechanism.safeNext(request.getParameter("next"));
        String error = ERRORS.get(request.getParameter("error"));
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
                </main>
                </body>
                </html>
                """.formatted(nonce, notice, StringEscapeUtils.escapeHtml4(request.getContextPath() + SignInMechanism.SIGN_IN),
                StringEscapeUtils.escapeHtml4(next)));
    }
}
