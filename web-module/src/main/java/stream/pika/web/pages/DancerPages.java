package stream.pika.web.pages;

import jakarta.ejb.EJBException;
import stream.pika.platform.entity.PikaException;

import java.util.Optional;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

/** What the dancer's pages share: the head (dark theme, one style sheet) and the "nothing here" page. */
final class DancerPages {

    private DancerPages() {
    }

    static String head(String title) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="color-scheme" content="dark">
                <meta name="theme-color" content="#14121f">
                <link rel="icon" href="/favicon.svg" type="image/svg+xml">
                <link rel="stylesheet" href="/dancer/live.css">
                <title>%s</title>
                </head>
                """.formatted(escapeHtml4(title));
    }

    /** The end of a page: the toast line, and its one script (a module of {@code /dancer/}) with the request's nonce. */
    static String end(String script, String nonce) {
        return """
                  <p id="toast" class="toast" role="status" hidden></p>
                </main>
                <script type="module" src="/dancer/%s" nonce="%s"></script>
                </body>
                </html>
                """.formatted(script, nonce);
    }

    /** A 404's page: says what is not there, in the dancer's words. */
    static String notFound(String text) {
        return head("Not found · Pika!") + """
                <body>
                <header class="bar"><span class="brand">Pika!</span></header>
                <main><section class="card"><h1>Nothing here</h1><p>%s</p></section></main>
                </body>
                </html>
                """.formatted(escapeHtml4(text));
    }

    /** The boundary's refusal (not found, not public yet), if that is what stopped it. */
    static Optional<String> refusal(RuntimeException failure) {
        Throwable error = failure;
        while (error instanceof EJBException && error.getCause() != null) {
            error = error.getCause();
        }
        return error instanceof PikaException refused ? Optional.of(refused.getMessage()) : Optional.empty();
    }
}
