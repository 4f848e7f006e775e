package stream.pika.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A REST client for the tests. Each instance acts as one client IP (sent as {@code X-Forwarded-For}
 * through the trusted loopback proxy), so rate limits of one test never touch another.
 */
public final class Api {

    private static final AtomicInteger NEXT_CLIENT = new AtomicInteger(1);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private final String clientIp;

    private Api(URI base, String clientIp) {
        this.base = base;
        this.clientIp = clientIp;
    }

    /** A client with an address of its own (198.18.0.0/15, the benchmarking range). */
    public static Api newClient() {
        int n = NEXT_CLIENT.getAndIncrement();
        return new Api(TestServer.baseUri(), "198.18." + (n / 250) + "." + (n % 250 + 1));
    }

    /** A client of another server (no proxy header). */
    public static Api at(int port) {
        return new Api(java.net.URI.create("http://127.0.0.1:" + port), null);
    }

    /** A client of another server whose address the trusted proxy (127.0.0.1) names. */
    public static Api at(int port, String clientIp) {
        return new Api(java.net.URI.create("http://127.0.0.1:" + port), clientIp);
    }

    public String clientIp() {
        return clientIp;
    }

    public Reply get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    /** POST with a JSON body and {@code X-Pika-Client: pika-e2e} (what the real clients send). */
    public Reply post(String path, String json, String... headers) {
        List<String> all = new ArrayList<>(List.of("Content-Type", "application/json", "X-Pika-Client", "pika-e2e"));
        all.addAll(List.of(headers));
        return postRaw(path, json, all.toArray(String[]::new));
    }

    /** PUT with a JSON body and {@code X-Pika-Client}. */
    public Reply put(String path, String json, String... headers) {
        List<String> all = new ArrayList<>(List.of("Content-Type", "application/json", "X-Pika-Client", "pika-e2e"));
        all.addAll(List.of(headers));
        return send(request(path, all.toArray(String[]::new)).PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** DELETE with {@code X-Pika-Client}. */
    public Reply delete(String path, String... headers) {
        List<String> all = new ArrayList<>(List.of("X-Pika-Client", "pika-e2e"));
        all.addAll(List.of(headers));
        return send(request(path, all.toArray(String[]::new)).DELETE());
    }

    /** OPTIONS, as a browser's CORS preflight sends it. */
    public Reply options(String path, String... headers) {
        return send(request(path, headers).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    /** POST exactly as given: no default headers. */
    public Reply postRaw(String path, String body, String... headers) {
        return send(request(path, headers).POST(body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (clientIp != null) {
            builder.header("X-Forwarded-For", clientIp);
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response: status, headers and the body (parsed as JSON on demand). */
    public record Reply(int status, HttpHeaders headers, String body) {

        public JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            } catch (RuntimeException e) {
                throw new AssertionError("not a JSON object (HTTP " + status + "): " + body, e);
            }
        }

        /** The {@code error} text of an error answer. */
        public String error() {
            return json().getString("error");
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** Whether any value anywhere in the JSON is {@code null} (the clients reject those). */
        public boolean containsNull() {
            return containsNull(json());
        }

        private static boolean containsNull(JsonValue value) {
            return switch (value.getValueType()) {
                case NULL -> true;
                case OBJECT -> value.asJsonObject().values().stream().anyMatch(Reply::containsNull);
                case ARRAY -> value.asJsonArray().stream().anyMatch(Reply::containsNull);
                default -> false;
            };
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + body;
        }
    }
}
