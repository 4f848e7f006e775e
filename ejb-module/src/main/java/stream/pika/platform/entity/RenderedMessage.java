package stream.pika.platform.entity;

/**
 * A protocol message already turned into its JSON text: the same message going to many
 * connections (a big event's session list) is rendered once, and the wire format sends the text.
 */
public record RenderedMessage(String json) {
}
