package stream.pika.web.pages;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import stream.pika.web.security.ResponseHeaders;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The signed-in dancer's music journal, {@code /me/journal}: the songs they liked, grouped by event
 * and set, with an export to Spotify per event ({@code dancer/journal.js} reads {@code /api/dancer/likes}).
 * A signed-out browser is sent to the sign-in page, and comes back here after it.
 */
@WebServlet(urlPatterns = "/me/journal")
public class MusicJournalPage extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String PATH = "/me/journal";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        if (request.getUserPrincipal() == null) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + "/signin?next=" + URLEncoder.encode(PATH, StandardCharsets.UTF_8));
            return;
        }
        String nonce = String.valueOf(request.getAttribute(ResponseHeaders.NONCE));
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(DancerPages.head("My music journal · Pika!") + """
                <body>
                <header class="bar">
                  <span class="brand">Pika!</span>
                  <span class="where"><strong>My music journal</strong></span>
                </header>
                <main class="journal">
                  <p class="muted">The songs you liked, by event and set, newest first. Export an event's songs to a new Spotify playlist.</p>
                  <p class="muted" id="journal-total"></p>
                  <div id="journal"></div>
                  <button type="button" id="journal-more" class="secondary" hidden>Show older likes</button>
                """ + DancerPages.end("journal.js", nonce));
    }
}
