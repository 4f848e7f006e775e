package stream.pika.identity.control;

import stream.pika.identity.entity.SpotifyLink;

import java.util.Optional;

/** Stored Spotify links. */
public interface SpotifyLinkRepository {

    Optional<SpotifyLink> ofUser(long userId);

    Optional<SpotifyLink> ofSpotifyUser(String spotifyUserId);

    void add(SpotifyLink link);
}
