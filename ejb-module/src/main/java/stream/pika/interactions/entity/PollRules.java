package stream.pika.interactions.entity;

import java.util.List;
import java.util.Optional;

/**
 * The limits of polls and announcements (the contract's, counted in characters as PostgreSQL
 * counts them), held by the interactions boundary whichever adapter a request came through.
 */
public final class PollRules {

    public static final int MAX_QUESTION = 500;
    public static final int MIN_OPTIONS = 2;
    public static final int MAX_OPTIONS = 10;
    public static final int MAX_OPTION = 100;
    public static final int MIN_POLL_SECONDS = 30;
    public static final int MAX_POLL_SECONDS = 300;
    public static final int MAX_ANNOUNCEMENT = 200;
    public static final int MIN_ANNOUNCEMENT_SECONDS = 60;
    public static final int MAX_ANNOUNCEMENT_SECONDS = 3600;

    private PollRules() {
    }

    /** What is wrong with a poll, if anything. */
    public static Optional<String> problem(String question, List<String> options, Integer durationSeconds) {
        if (!text(question, MAX_QUESTION)) {
            return Optional.of("the question must be 1 to " + MAX_QUESTION + " characters");
        }
        if (options == null || options.size() < MIN_OPTIONS || options.size() > MAX_OPTIONS) {
            return Optional.of(MIN_OPTIONS + " to " + MAX_OPTIONS + " options");
        }
        if (!options.stream().allMatch(option -> text(option, MAX_OPTION))) {
            return Optional.of("each option must be 1 to " + MAX_OPTION + " characters");
        }
        if (durationSeconds != null && (durationSeconds < MIN_POLL_SECONDS || durationSeconds > MAX_POLL_SECONDS)) {
            return Optional.of("the duration must be " + MIN_POLL_SECONDS + " to " + MAX_POLL_SECONDS + " seconds");
        }
        return Optional.empty();
    }

    /** What is wrong with an announcement, if anything. */
    public static Optional<String> announcementProblem(String message, Integer durationSeconds) {
        if (!text(message, MAX_ANNOUNCEMENT)) {
            return Optional.of("the message must be 1 to " + MAX_ANNOUNCEMENT + " characters");
        }
        if (durationSeconds != null && (durationSeconds < MIN_ANNOUNCEMENT_SECONDS || durationSeconds > MAX_ANNOUNCEMENT_SECONDS)) {
            return Optional.of("the duration must be " + MIN_ANNOUNCEMENT_SECONDS + " to " + MAX_ANNOUNCEMENT_SECONDS + " seconds");
        }
        return Optional.empty();
    }

    private static boolean text(String text, int max) {
        return text != null && !text.isBlank() && text.indexOf('\u0000') < 0 && text.codePoints().count() <= max;
    }
}
