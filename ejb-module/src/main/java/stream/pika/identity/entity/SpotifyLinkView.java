package stream.pika.identity.entity;

import java.time.Instant;

/** An account's Spotify link as its owner sees it (never a token): {@code status} {@code linked}, or {@code broken} ("reconnect Spotify"). */
public record SpotifyLinkView(String spotifyUserId, String displayName, String status, Instant linkedAt) {
}
