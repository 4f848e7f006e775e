package stream.pika.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import stream.pika.identity.entity.SpotifyProfile;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Spotify's Web API, as far as Pika! uses it. */
@ApplicationScoped
public class SpotifyApiClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @Inject
    SpotifySettings settings;

    /** {@code GET /v1/me}: who signed in. */
    public SpotifyProfile me(String accessToken) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.apiUrl() + "/v1/me")).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + accessToken).GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SpotifyFailure(false, 0, "Spotify's Web API did not answer /v1/me: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpotifyFailure(false, 0, "Interrupted while reading /v1/me");
        }
        JsonObject body = SpotifyAccountsClient.parse(response.body());
        if (response.statusCode() != 200 || body == null || !body.containsKey("id")) {
            throw new SpotifyFailure(response.statusCode() == 401, response.statusCode(),
                    "Spotify's Web API answered " + response.statusCode() + " to /v1/me");
        }
        return new SpotifyProfile(body.getString("id"), body.getString("display_name", null), body.getString("email", null));
    }
}
