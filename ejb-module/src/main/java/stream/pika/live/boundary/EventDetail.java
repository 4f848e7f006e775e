package stream.pika.live.boundary;

import stream.pika.platform.entity.WireFormat;

/** The JSON detail of a session event row, such as {@code {"reason": "expired"}}. */
final class EventDetail {

    private EventDetail() {
    }

    static String of(String key, String value) {
        return WireFormat.jsonp().createObjectBuilder().add(key, value).build().toString();
    }
}
