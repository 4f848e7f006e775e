package stream.pika.web.rest;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import stream.pika.platform.entity.PikaException;
import stream.pika.web.input.JsonInput;
import stream.pika.web.input.WireTypes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A request body that is not the JSON the route expects is the client's mistake (400), told
 * apart here from failures while writing an answer, which are ours (500). The body is held to
 * the platform's JSON limits ({@link JsonInput}) and its fields to the record's types
 * ({@link WireTypes}) before JSON-B converts it.
 */
@Provider
public class JsonBodyReading implements ReaderInterceptor {

    static final String INVALID_JSON = "Invalid JSON body";
    static final String BODY_REQUIRED = "Request body must be a JSON object";

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getMediaType() == null || context.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            // The body is at most the route's limit (RequestBodyLimit): checked whole before JSON-B converts it.
            byte[] body = context.getInputStream().readAllBytes();
            if (body.length > 0) {
                JsonInput.Read read = JsonInput.object(new String(body, StandardCharsets.UTF_8));
                if (!read.valid()) {
                    throw PikaException.invalid(read.problem().startsWith("not ") ? INVALID_JSON : INVALID_JSON + ": " + read.problem());
                }
                if (context.getType().isRecord()) {
                    WireTypes.mismatch(read.object(), context.getType()).ifPresent(problem -> {
                        throw PikaException.invalid(INVALID_JSON + ": " + problem);
                    });
                }
            }
            context.setInputStream(new ByteArrayInputStream(body));
        }
        try {
            return context.proceed();
        } catch (ProcessingException | JsonbException | JsonException e) {
            throw PikaException.invalid(INVALID_JSON);
        }
    }
}
