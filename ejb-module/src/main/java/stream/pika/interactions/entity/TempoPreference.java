package stream.pika.interactions.entity;

import java.util.Locale;
import java.util.Optional;

/** A dancer's tempo vote; {@code clear} on the wire takes the vote back. */
public enum TempoPreference {
    FASTER, SLOWER, PERFECT;

    /** The wire value, or empty for {@code clear}. */
    public static Optional<TempoPreference> fromWire(String value) {
        return "clear".equals(value) ? Optional.empty() : Optional.of(valueOf(value.toUpperCase(Locale.ROOT)));
    }
}
