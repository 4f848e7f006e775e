package stream.pika.crate.entity;

import java.util.Locale;

/** How a play was linked: the same names, alike names, a Spotify search, or a person. */
public enum MatchMethod {
    EXACT, FUZZY, SPOTIFY, MANUAL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
