package stream.pika.identity.control;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/** The original's slug rule: the URL name of a DJ's public profile, derived from the display name. */
public final class Slugs {

    /** Slugs that would read as platform pages rather than a DJ. */
    private static final Set<String> RESERVED = Set.of(
            "admin", "api", "dj", "djs", "live", "login", "logout", "register", "settings",
            "dashboard", "health", "ws", "static", "assets", "pika", "support", "help", "about");

    private Slugs() {
    }

    /** Lower case, accents stripped, spaces and underscores to '-', other symbols dropped, dashes collapsed. */
    public static String of(String displayName) {
        String decomposed = Normalizer.normalize(displayName, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT)
                .replaceAll("[\\s_]+", "-")
                .replaceAll("[^a-z0-9-]", "")
                .replaceAll("-{2,}", "-")
                .replaceAll("^-+|-+$", "");
    }

    public static boolean reserved(String slug) {
        return RESERVED.contains(slug);
    }
}
