package stream.pika.platform.entity;

/** Rules that every text field a client sends shares (Bean Validation constants). */
public final class TextRules {

    /** No control characters: they corrupt logs and the pages that show the text. */
    public static final String NO_CONTROLS = "\\P{Cntrl}*";
    public static final String NO_CONTROLS_MESSAGE = "must not contain control characters";

    private TextRules() {
    }
}
