package stream.pika.web.rest;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import stream.pika.platform.boundary.PikaException;

import java.io.IOException;

/**
 * A request body that is not the JSON the route expects is the client's mistake (400), told
 * apart here from failures while writing an answer, which are ours (500).
 */
@Provider
public class JsonBodyReading implements ReaderInterceptor {

    static final String INVALID_JSON = "Invalid JSON body";
    static final String BODY_REQUIRED = "Request body must be a JSON object";

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        try {
            return context.proceed();
        } catch (ProcessingException | JsonbException | JsonException e) {
            throw PikaException.invalid(INVALID_JSON);
        }
    }
}
