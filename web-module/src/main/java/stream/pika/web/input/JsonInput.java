package stream.pika.web.input;

import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import stream.pika.platform.entity.WireFormat;

import java.io.StringReader;
import java.math.BigDecimal;

/**
 * Reads one JSON object from a client under the platform's limits, in one streaming pass, before
 * anything is converted: nesting at most {@value #MAX_DEPTH} deep, numbers of at most
 * {@value #MAX_NUMBER_CHARS} characters with a scale within ±{@value #MAX_SCALE} (a number like
 * {@code 1E-20000000} is short but would cost seconds of CPU, or an exception, once converted),
 * no NUL in any string (PostgreSQL refuses it), and nothing after the object. The top-level
 * {@code messageId} is kept even when the text is refused, so the sender can be told why.
 */
public final class JsonInput {

    public static final int MAX_DEPTH = 8;
    public static final int MAX_NUMBER_CHARS = 40;
    public static final int MAX_SCALE = 40;

    /** The object read, or why not (then {@code object} is null), with the top-level messageId if one was seen. */
    public record Read(JsonObject object, String problem, String messageId) {
        public boolean valid() {
            return problem == null;
        }
    }

    private JsonInput() {
    }

    public static Read object(String text) {
        String messageId = null;
        String problem = null;
        int depth = 0;
        boolean rootClosed = false;
        String key = null;
        try (JsonParser parser = WireFormat.jsonp().createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                return new Read(null, "not a JSON object", null);
            }
            depth = 1;
            while (depth > 0 && parser.hasNext()) {
                JsonParser.Event event = parser.next();
                switch (event) {
                    case START_OBJECT, START_ARRAY -> {
                        depth++;
                        if (depth > MAX_DEPTH) {
                            // Stop here: the parser's own limit (1,000) would end in a bare failure.
                            return new Read(null, problem != null ? problem : "nested deeper than " + MAX_DEPTH + " levels", messageId);
                        }
                    }
                    case END_OBJECT, END_ARRAY -> depth--;
                    case KEY_NAME -> {
                        key = parser.getString();
                        problem = problem != null ? problem : nul(key);
                    }
                    case VALUE_STRING -> {
                        String value = parser.getString();
                        if (depth == 1 && "messageId".equals(key) && messageId == null) {
                            messageId = value;
                        }
                        problem = problem != null ? problem : nul(value);
                    }
                    case VALUE_NUMBER -> problem = problem != null ? problem : number(parser.getString());
                    default -> {
                    }
                }
            }
            rootClosed = depth == 0;
            if (rootClosed && parser.hasNext()) {
                problem = problem != null ? problem : "data after the JSON object";
            }
        } catch (JsonParsingException e) {
            return new Read(null, rootClosed ? "data after the JSON object" : "not JSON", messageId);
        } catch (RuntimeException e) {
            return new Read(null, "not JSON", messageId);
        }
        if (problem != null) {
            return new Read(null, problem, messageId);
        }
        try (var reader = WireFormat.jsonp().createReader(new StringReader(text))) {
            return new Read(reader.readObject(), null, messageId);
        } catch (RuntimeException e) {
            return new Read(null, "not JSON", messageId);
        }
    }

    private static String nul(String text) {
        return text.indexOf('\u0000') >= 0 ? "text must not contain NUL characters" : null;
    }

    private static String number(String text) {
        if (text.length() > MAX_NUMBER_CHARS) {
            return "a number is longer than " + MAX_NUMBER_CHARS + " characters";
        }
        try {
            int scale = new BigDecimal(text).scale();
            return Math.abs(scale) > MAX_SCALE ? "a number's exponent is out of range" : null;
        } catch (NumberFormatException | ArithmeticException e) {
            return "a number's exponent is out of range";
        }
    }
}
