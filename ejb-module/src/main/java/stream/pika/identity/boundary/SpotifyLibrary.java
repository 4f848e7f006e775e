package stream.pika.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import stream.pika.identity.control.SpotifyApiClient;
import stream.pika.identity.control.SpotifySettings;
import stream.pika.identity.entity.SpotifyFailure;
import stream.pika.identity.entity.SpotifyLinkView;
import stream.pika.identity.entity.SpotifyMessages;
import stream.pika.identity.entity.SpotifyPlaylist;
import stream.pika.identity.entity.SpotifyTrack;
import stream.pika.platform.entity.PikaException;

import java.util.List;
import java.util.Set;

/**
 * A dancer's Spotify library as Pika! uses it: track search, playlists made by Pika!, and their
 * tracks. Each call is made as the dancer ({@link SpotifyAccess}: one refresh and retry on 401).
 *
 * @throws SpotifyFailure (every method) when Spotify refused or failed: its status and {@code Retry-After}
 * @throws PikaException (every method) CONFLICT ("reconnect Spotify") when the dancer's link no longer works
 */
@ApplicationScoped
public class SpotifyLibrary {

    public static final int MAX_TRACKS_PER_CALL = SpotifyApiClient.MAX_TRACKS_PER_CALL;

    @Inject
    SpotifyAccess access;

    @Inject
    SpotifyApiClient api;

    @Inject
    SpotifyLinks links;

    @Inject
    SpotifySettings settings;

    /** Whether this platform talks to Spotify at all (a client id is configured). */
    public boolean enabled() {
        return settings.enabled();
    }

    /** The URIs cut into Spotify's calls of at most {@value #MAX_TRACKS_PER_CALL}, in order. */
    public static List<List<String>> inCalls(List<String> uris) {
        List<List<String>> calls = new java.util.ArrayList<>();
        for (int from = 0; from < uris.size(); from += MAX_TRACKS_PER_CALL) {
            calls.add(uris.subList(from, Math.min(uris.size(), from + MAX_TRACKS_PER_CALL)));
        }
        return calls;
    }

    public List<SpotifyTrack> searchTracks(long userId, String query, int limit) {
        return access.calling(userId, token -> api.searchTracks(token, query, limit));
    }

    public SpotifyPlaylist createPlaylist(long userId, String name, String description) {
        SpotifyLinkView link = links.of(userId).orElseThrow(() -> PikaException.conflict(SpotifyMessages.NOT_LINKED));
        return access.calling(userId, token -> api.createPlaylist(token, link.spotifyUserId(), name, description));
    }

    /** Appends the tracks (at most {@value #MAX_TRACKS_PER_CALL}); 404 when the dancer deleted the playlist. */
    public void addTracks(long userId, String playlistId, List<String> uris) {
        access.calling(userId, token -> {
            api.addTracks(token, playlistId, uris);
            return null;
        });
    }

    /** Removes the tracks (at most {@value #MAX_TRACKS_PER_CALL}). */
    public void removeTracks(long userId, String playlistId, List<String> uris) {
        access.calling(userId, token -> {
            api.removeTracks(token, playlistId, uris);
            return null;
        });
    }

    public Set<String> playlistUris(long userId, String playlistId) {
        return access.calling(userId, token -> api.playlistUris(token, playlistId));
    }
}
