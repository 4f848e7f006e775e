package stream.pika.web.rest;

import stream.pika.platform.entity.Page;
import stream.pika.platform.entity.PikaException;

/**
 * Whole numbers from the query string. JAX-RS answers 404 when an {@code int} query parameter does not parse
 * (the spec treats it as a resource that does not exist), so numbers arrive as text and are read here: 400 with a reason.
 */
final class QueryNumbers {

    static final String PAGE_RANGE = "page must be between 1 and " + Page.MAX_PAGE;

    private QueryNumbers() {
    }

    /** {@code ?page=}: 1 when absent. */
    static int page(String value) {
        if (value == null || value.isBlank()) {
            return 1;
        }
        int page = parse(value, PAGE_RANGE);
        if (page < 1 || page > Page.MAX_PAGE) {
            throw PikaException.invalid(PAGE_RANGE);
        }
        return page;
    }

    /** A whole number named {@code name}, or {@code absent} when the parameter is missing; the range is the caller's rule. */
    static int whole(String name, String value, int absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        return parse(value, name + " must be a whole number");
    }

    private static int parse(String value, String reason) {
        String digits = value.strip();
        // at most 9 digits: always an int, and nothing we read is that large
        if (!digits.matches("-?[0-9]{1,9}")) {
            throw PikaException.invalid(reason);
        }
        return Integer.parseInt(digits);
    }
}
