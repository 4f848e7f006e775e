package stream.pika.web.rest;

/** Every REST error answers with this body: {@code {"error": "<what is wrong>"}}. */
public record ErrorBody(String error) {
}
