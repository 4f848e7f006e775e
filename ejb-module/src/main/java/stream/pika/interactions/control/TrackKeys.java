package stream.pika.interactions.control;

import java.util.Locale;

/** The original's like key of a track: lower case, trimmed, inner whitespace collapsed, {@code artist::title}. */
public final class TrackKeys {

    private TrackKeys() {
    }

    public static String of(String artist, String title) {
        return normalized(artist) + "::" + normalized(title);
    }

    private static String normalized(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
