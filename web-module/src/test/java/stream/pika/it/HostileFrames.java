package stream.pika.it;

import java.util.List;
import java.util.Random;

/**
 * Frames a fuzzer sends: the protocol's messages, then mutated (fields dropped or retyped,
 * strings swapped for hostile text, numbers for huge or tiny ones, nesting, truncation, trailing
 * garbage), all under the 10,240-byte frame limit.
 */
final class HostileFrames {

    private static final List<String> TYPES = List.of("REGISTER_SESSION", "BROADCAST_TRACK", "METADATA_UPDATED", "TRACK_STOPPED",
            "END_SESSION", "SUBSCRIBE", "GET_SESSIONS", "PING", "VALIDATE_SESSION", "SEND_LIKE", "SEND_BULK_LIKE", "REMOVE_LIKE",
            "SEND_REACTION", "SEND_TEMPO_REQUEST", "START_POLL", "END_POLL", "CANCEL_POLL", "VOTE_ON_POLL", "SEND_ANNOUNCEMENT",
            "CANCEL_ANNOUNCEMENT", "NOPE", "", "ping", "PING ");

    private static final List<String> STRINGS = List.of("\"pika_fuzz_session\"", "\"😀😀😀😀\"", "\"abc\\u0000defghij\"", "\"\"",
            "\"   \"", "\"<script>alert(1)</script>\"", "\"\\ud800\"", "\"" + "x".repeat(600) + "\"", "\"' OR 1=1 --\"",
            "\"\\u202e\\u0007\\u001b[31m\"", "\"%zz\"", "\"faster\"", "\"thank_you\"", "\"0.3.0\"", "\"pk_dj_00000000000000000000000000000000\"");

    private static final List<String> NUMBERS = List.of("0", "-1", "1", "9", "10", "300", "1E-20000000", "1E-999999999", "1e400",
            "123456789012345678901234567890", "0.5", "-0", "9223372036854775808", "1" + "0".repeat(60));

    private static final List<String> OTHERS = List.of("null", "true", "false", "[]", "{}", "[1,2,3]", "{\"a\":{\"b\":[]}}",
            "[".repeat(40) + "]".repeat(40));

    private HostileFrames() {
    }

    /** Any frame: REGISTER_SESSION among them, which may end its connection (4001, 4003, 1013) as the protocol says. */
    static String next(Random random) {
        return next(random, true);
    }

    /** A frame that never asks to go live: the connection must stay open whatever it gets. */
    static String keepingTheConnection(Random random) {
        return next(random, false);
    }

    private static String next(Random random, boolean mayRegister) {
        String frame = switch (random.nextInt(10)) {
            case 0 -> garbage(random);
            case 1 -> nested(random);
            default -> object(random);
        };
        if (!mayRegister && frame.contains("REGISTER_SESSION")) {
            frame = frame.replace("REGISTER_SESSION", "VALIDATE_SESSION");
        }
        if (random.nextInt(20) == 0 && frame.length() > 2) {
            frame = cut(frame, random.nextInt(frame.length())); // truncated
        } else if (random.nextInt(30) == 0) {
            frame = frame + " " + object(random); // trailing data
        }
        return frame.length() > 10_000 ? cut(frame, 10_000) : frame;
    }

    /** The text up to {@code end}, never splitting a character (a lone surrogate cannot be sent as text). */
    private static String cut(String text, int end) {
        int at = end > 0 && Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end;
        return text.substring(0, at);
    }

    private static String object(Random random) {
        StringBuilder json = new StringBuilder("{");
        json.append("\"type\":").append(random.nextInt(12) == 0 ? value(random) : quoted(pick(random, TYPES)));
        if (random.nextBoolean()) {
            json.append(",\"messageId\":").append(random.nextInt(8) == 0 ? value(random) : quoted("fuzz-" + random.nextInt(1_000_000)));
        }
        String[] fields = {"sessionId", "clientId", "djName", "token", "track", "payload", "preference", "reaction", "question",
                "options", "durationSeconds", "pollId", "optionIndex", "message", "push", "version"};
        int count = random.nextInt(6);
        for (int i = 0; i < count; i++) {
            String field = fields[random.nextInt(fields.length)];
            json.append(",\"").append(field).append("\":").append(fieldValue(random, field));
        }
        return json.append('}').toString();
    }

    private static String fieldValue(Random random, String field) {
        if (random.nextInt(3) == 0) {
            return value(random);
        }
        return switch (field) {
            case "track" -> track(random);
            case "payload" -> random.nextBoolean() ? "{\"track\":" + track(random) + "}" : bulk(random);
            case "options" -> "[" + value(random) + "," + value(random) + "]";
            case "pollId", "optionIndex", "durationSeconds" -> pick(random, NUMBERS);
            case "push" -> random.nextBoolean() ? "true" : "\"<script>\"";
            default -> pick(random, STRINGS);
        };
    }

    private static String track(Random random) {
        return "{\"artist\":" + pick(random, STRINGS) + ",\"title\":" + pick(random, STRINGS) + ",\"bpm\":" + pick(random, NUMBERS)
                + ",\"energy\":" + pick(random, NUMBERS) + (random.nextBoolean() ? ",\"key\":" + value(random) : "") + "}";
    }

    private static String bulk(Random random) {
        StringBuilder tracks = new StringBuilder("{\"tracks\":[");
        int n = random.nextInt(30);
        for (int i = 0; i < n; i++) {
            tracks.append(i == 0 ? "" : ",").append("{\"artist\":\"A\",\"title\":\"T").append(random.nextInt(10_000)).append("\"}");
        }
        return tracks.append("]}").toString();
    }

    private static String value(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> pick(random, STRINGS);
            case 1 -> pick(random, NUMBERS);
            default -> pick(random, OTHERS);
        };
    }

    private static String nested(Random random) {
        int depth = 2 + random.nextInt(1_500);
        return "{\"type\":\"PING\",\"messageId\":\"deep-" + depth + "\",\"pad\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
    }

    private static String garbage(Random random) {
        byte[] bytes = new byte[1 + random.nextInt(200)];
        random.nextBytes(bytes);
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append((char) (32 + Math.floorMod(b, 95)));
        }
        return random.nextBoolean() ? "{" + text : text.toString();
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    private static <T> T pick(Random random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
