package stream.pika.crate.entity;

import java.util.Locale;

/**
 * Where a play's match stands: linked by the matcher ({@code auto}), waiting for its DJ
 * ({@code needs_review}), confirmed or rejected by a person, or nothing good enough found.
 */
public enum MatchStatus {
    AUTO, NEEDS_REVIEW, CONFIRMED, REJECTED, UNMATCHED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
