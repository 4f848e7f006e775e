package stream.pika.push.entity;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import stream.pika.platform.entity.PikaException;
import stream.pika.platform.entity.WireFormat;

import java.nio.charset.StandardCharsets;

/**
 * The text a phone's service worker receives: {@code {title, body, icon?, data?}} as the web
 * app's worker reads it, or a plain string (the original's {@code /api/push/send} allowed both).
 * At most {@value #MAX_BYTES} bytes, so that it fits one encrypted push record (4,096 bytes).
 */
public record PushPayload(String json, Urgency urgency) {

    public static final int MAX_BYTES = 3_072;

    /** Web Push's {@code Urgency} header (RFC 8030): a phone may deliver a high one at once, even when saving power. */
    public enum Urgency {
        NORMAL("normal"), HIGH("high");

        private final String header;

        Urgency(String header) {
            this.header = header;
        }

        public String header() {
            return header;
        }
    }

    public PushPayload(String json) {
        this(json, Urgency.NORMAL);
    }

    /**
     * An organizer's announcement to an event's followers. An urgent one is sent with urgency
     * {@code high} and asks the phone to keep it on screen until the dancer acts
     * ({@code requireInteraction}, which the service worker passes to {@code showNotification}).
     */
    public static PushPayload eventAnnouncement(long eventId, String eventName, String message, String priority) {
        var json = WireFormat.jsonp();
        boolean urgent = "urgent".equals(priority);
        String title = (urgent ? "Urgent: " : "") + eventName;
        return new PushPayload(json.createObjectBuilder()
                .add("title", title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE) : title)
                .add("body", message)
                .add("priority", priority)
                .add("requireInteraction", urgent)
                .add("data", json.createObjectBuilder().add("url", "/event/" + eventId).add("eventId", eventId)
                        .add("priority", priority))
                .build().toString(), urgent ? Urgency.HIGH : Urgency.NORMAL);
    }
    private static final int MAX_TITLE = 100;
    private static final int MAX_BODY = 1_000;

    /**
     * A starred slot starts soon: sent with urgency {@code high} (it is worth nothing late); the
     * tap opens the event companion.
     */
    public static PushPayload slotReminder(long eventId, long slotId, String title, String body) {
        var json = WireFormat.jsonp();
        return new PushPayload(json.createObjectBuilder()
                .add("title", title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE) : title)
                .add("body", body.length() > MAX_BODY ? body.substring(0, MAX_BODY) : body)
                .add("tag", "slot-" + slotId)
                .add("data", json.createObjectBuilder().add("url", "/event/" + eventId).add("eventId", eventId).add("slotId", slotId))
                .build().toString(), Urgency.HIGH);
    }

    /** What dancers see when their session's DJ announces something with {@code push: true}. */
    public static PushPayload announcement(String djName, String message) {
        var json = WireFormat.jsonp();
        return new PushPayload(json.createObjectBuilder()
                .add("title", "Announcement from " + djName)
                .add("body", message)
                .add("data", json.createObjectBuilder().add("url", "/live"))
                .build().toString());
    }

    /**
     * A payload given by a DJ through the API: a non-empty string, or an object with a
     * {@code title} and a {@code body} (strings), an optional {@code icon} (string) and an
     * optional {@code data} (object).
     *
     * @throws PikaException INVALID for anything else
     */
    public static PushPayload given(JsonValue value) {
        if (value instanceof JsonString text) {
            if (text.getString().isBlank()) {
                throw PikaException.invalid("payload must not be empty");
            }
            return sized(text.getString());
        }
        if (!(value instanceof JsonObject object)) {
            throw PikaException.invalid("payload must be a string or an object with title and body");
        }
        String title = text(object, "title", MAX_TITLE, true);
        String body = text(object, "body", MAX_BODY, true);
        String icon = text(object, "icon", 2_048, false);
        JsonValue data = object.get("data");
        if (data != null && data.getValueType() != JsonValue.ValueType.OBJECT) {
            throw PikaException.invalid("payload.data must be an object");
        }
        var builder = WireFormat.jsonp().createObjectBuilder().add("title", title).add("body", body);
        if (icon != null) {
            builder.add("icon", icon);
        }
        if (data != null) {
            builder.add("data", data);
        }
        return sized(builder.build().toString());
    }

    public byte[] bytes() {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static PushPayload sized(String json) {
        if (json.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw PikaException.invalid("payload must be at most " + MAX_BYTES + " bytes of JSON");
        }
        return new PushPayload(json);
    }

    private static String text(JsonObject object, String name, int max, boolean required) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            if (required) {
                throw PikaException.invalid("payload." + name + " is required");
            }
            return null;
        }
        if (!(value instanceof JsonString string) || string.getString().isBlank() || string.getString().length() > max) {
            throw PikaException.invalid("payload." + name + " must be a string of 1 to " + max + " characters");
        }
        return string.getString();
    }
}
