package stream.pika.platform.entity;

import jakarta.json.bind.Jsonb;
import jakarta.json.spi.JsonProvider;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyOrderStrategy;
import stream.pika.platform.entity.RenderedMessage;

/**
 * The JSON of protocol v0.3.0, one configuration for every message in either direction: absent
 * fields omitted (the clients reject {@code null}), {@code Instant} as ISO-8601 UTC with {@code Z}.
 * Property order is left to the binder (clients read objects by name). Thread-safe.
 */
public final class WireFormat {

    /** Created on first use (JSON-P users, such as converters, do not need JSON-B). */
    private static final class Binding {
        static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig()
                .withNullValues(false)
                .withPropertyOrderStrategy(PropertyOrderStrategy.ANY));
    }

    /**
     * The JSON-P provider, looked up once: {@code Json.createReader/ObjectBuilder} look it up on
     * every call, which costs about a millisecond inside the application server.
     */
    private static final JsonProvider JSON_P = JsonProvider.provider();

    private WireFormat() {
    }

    public static JsonProvider jsonp() {
        return JSON_P;
    }

    public static String toJson(Object message) {
        if (message instanceof RenderedMessage rendered) {
            return rendered.json();
        }
        return Binding.JSON.toJson(message);
    }

    /** @throws jakarta.json.bind.JsonbException when the text does not fit the type */
    public static <T> T fromJson(String json, Class<T> type) {
        return Binding.JSON.fromJson(json, type);
    }
}
