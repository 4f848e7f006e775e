package stream.pika.identity.control;

import stream.pika.identity.entity.SpotifyFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import stream.pika.identity.entity.SpotifyPlaylist;
import stream.pika.identity.entity.SpotifyProfile;
import stream.pika.identity.entity.SpotifyTrack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Spotify's Web API, as far as Pika! uses it. Every failure is a {@link SpotifyFailure} with
 * Spotify's status (0: no answer) and, on 429, its {@code Retry-After}; no token in a message.
 */
@ApplicationScoped
public class SpotifyApiClient {

    /** Spotify takes at most this many tracks per add or remove. */
    public static final int MAX_TRACKS_PER_CALL = 100;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @Inject
    SpotifySettings settings;

    /** {@code GET /v1/me}: who signed in. */
    public SpotifyProfile me(String accessToken) {
        JsonObject body = send("GET", "/v1/me", accessToken, null);
        if (body == null || !body.containsKey("id")) {
            throw new SpotifyFailure(false, 200, "Spotify's Web API answered /v1/me without an id");
        }
        return new SpotifyProfile(body.getString("id"), body.getString("display_name", null), body.getString("email", null));
    }

    /** {@code GET /v1/search?type=track}: up to {@code limit} tracks for the query. */
    public List<SpotifyTrack> searchTracks(String accessToken, String query, int limit) {
        JsonObject body = send("GET", "/v1/search?type=track&limit=" + limit + "&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8),
                accessToken, null);
        List<SpotifyTrack> tracks = new ArrayList<>();
        JsonObject found = body == null ? null : body.getJsonObject("tracks");
        if (found == null || !found.containsKey("items")) {
            return tracks;
        }
        for (JsonValue item : found.getJsonArray("items")) {
            if (item instanceof JsonObject track && track.containsKey("uri")) {
                List<String> artists = new ArrayList<>();
                if (track.get("artists") instanceof jakarta.json.JsonArray list) {
                    list.getValuesAs(JsonObject.class).forEach(artist -> artists.add(artist.getString("name", "")));
                }
                tracks.add(new SpotifyTrack(track.getString("uri"), track.getString("name", ""), artists,
                        track.containsKey("duration_ms") ? track.getInt("duration_ms") : 0));
            }
        }
        return tracks;
    }

    /** {@code POST /v1/users/{id}/playlists}: a new private playlist in the user's library. */
    public SpotifyPlaylist createPlaylist(String accessToken, String spotifyUserId, String name, String description) {
        JsonObject request = Json.createObjectBuilder().add("name", name).add("description", description).add("public", false).build();
        JsonObject body = send("POST", "/v1/users/" + URLEncoder.encode(spotifyUserId, StandardCharsets.UTF_8) + "/playlists",
                accessToken, request);
        if (body == null || !body.containsKey("id")) {
            throw new SpotifyFailure(false, 200, "Spotify created a playlist without an id");
        }
        String url = body.getJsonObject("external_urls") == null ? null : body.getJsonObject("external_urls").getString("spotify", null);
        return new SpotifyPlaylist(body.getString("id"), url != null ? url : "https://open.spotify.com/playlist/" + body.getString("id"));
    }

    /** {@code POST /v1/playlists/{id}/tracks}: appends the tracks, in order (at most {@value #MAX_TRACKS_PER_CALL}). */
    public void addTracks(String accessToken, String playlistId, List<String> uris) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        uris.forEach(list::add);
        send("POST", tracksPath(playlistId), accessToken, Json.createObjectBuilder().add("uris", list).build());
    }

    /** {@code DELETE /v1/playlists/{id}/tracks}: removes every occurrence of the tracks (at most {@value #MAX_TRACKS_PER_CALL}). */
    public void removeTracks(String accessToken, String playlistId, List<String> uris) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        uris.forEach(uri -> list.add(Json.createObjectBuilder().add("uri", uri)));
        send("DELETE", tracksPath(playlistId), accessToken, Json.createObjectBuilder().add("tracks", list).build());
    }

    /** {@code GET /v1/playlists/{id}/tracks}, every page: the URIs the playlist holds. */
    public Set<String> playlistUris(String accessToken, String playlistId) {
        Set<String> uris = new LinkedHashSet<>();
        String next = tracksPath(playlistId) + "?limit=100&offset=0";
        for (int pages = 0; next != null && pages < 200; pages++) {
            JsonObject body = send("GET", next, accessToken, null);
            if (body == null || !body.containsKey("items")) {
                break;
            }
            for (JsonObject item : body.getJsonArray("items").getValuesAs(JsonObject.class)) {
                if (item.get("track") instanceof JsonObject track && track.containsKey("uri")) {
                    uris.add(track.getString("uri"));
                }
            }
            String link = body.containsKey("next") && !body.isNull("next") ? body.getString("next") : null;
            next = link == null ? null : link.startsWith(settings.apiUrl()) ? link.substring(settings.apiUrl().length()) : null;
        }
        return uris;
    }

    private static String tracksPath(String playlistId) {
        return "/v1/playlists/" + URLEncoder.encode(playlistId, StandardCharsets.UTF_8) + "/tracks";
    }

    /** One call; a 2xx answers its JSON body (null when empty), anything else throws. */
    private JsonObject send(String method, String path, String accessToken, JsonObject body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.apiUrl() + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + accessToken);
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        String what = method + " " + (path.contains("?") ? path.substring(0, path.indexOf('?')) : path);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SpotifyFailure(false, 0, "Spotify's Web API did not answer " + what + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpotifyFailure(false, 0, "Interrupted while calling " + what);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            Duration retryAfter = status == 429 ? retryAfter(response) : null;
            throw new SpotifyFailure(status == 401, status, "Spotify's Web API answered " + status + " to " + what, retryAfter);
        }
        return response.body() == null || response.body().isBlank() ? null : SpotifyAccountsClient.parse(response.body());
    }

    /** {@code Retry-After} in seconds, as Spotify sends it (1 s when missing or unreadable). */
    private static Duration retryAfter(HttpResponse<String> response) {
        try {
            return Duration.ofSeconds(Math.max(1, Math.min(3600, Long.parseLong(response.headers().firstValue("Retry-After").orElse("1").strip()))));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }
}
