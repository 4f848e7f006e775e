package stream.pika.platform.entity;

import java.time.Duration;

/**
 * The platform's quotas with their defaults. Each can be tuned with
 * {@code pika.ratelimit.<name>.limit} and {@code pika.ratelimit.<name>.window} (ISO-8601 duration).
 */
public enum Quota {
    /** Register, login and token regeneration share one quota per client IP (as the original). */
    AUTH("auth", 5, Duration.ofMinutes(15)),
    /** Organizer applications with a new account per client IP: each one lands in an admin's inbox. */
    ORGANIZER_APPLICATIONS("organizer-applications", 3, Duration.ofMinutes(15)),
    /** Likes per dancer (client id): the original's 10 per rolling minute. */
    LIKES("likes", 10, Duration.ofMinutes(1)),
    /**
     * Likes delivered to the DJ per dancer, single and bulk together (a bulk frame counts each of
     * its tracks): an offline queue of up to 100 goes through at once, a loop of them does not.
     */
    LIKES_DELIVERED("likes-delivered", 120, Duration.ofMinutes(1)),
    /**
     * Likes per client IP, each track of a bulk frame counted: a client id is the phone's own
     * choice, so a script could mint new ones; generous, since a venue's phones may share one IP.
     */
    LIKES_PER_ADDRESS("likes-per-address", 1000, Duration.ofMinutes(1)),
    /** Bulk-like frames per dancer: the offline queue is flushed once per reconnect, not in a loop. */
    BULK_LIKES("bulk-likes", 5, Duration.ofMinutes(1)),
    /** Tempo votes per dancer: each one updates every phone of the room. */
    TEMPO("tempo", 10, Duration.ofMinutes(1)),
    /** Thank-you reactions per dancer (client id, else connection): a rain, not a flood. */
    REACTIONS("reactions", 10, Duration.ofSeconds(10)),
    /**
     * WebSocket upgrades per client IP, counted whether they succeed or not (the original forgot
     * an IP's count on every successful open). Generous: a venue's phones may share one IP.
     */
    WS_CONNECTS("ws-connects", 120, Duration.ofMinutes(1)),
    /** GET_SESSIONS per connection: the full list can be large, and a phone needs it once per screen. */
    SESSIONS_LIST("sessions-list", 20, Duration.ofMinutes(1)),
    /** Push subscribe and unsubscribe calls per client IP. */
    PUSH_SUBSCRIBE("push-subscribe", 5, Duration.ofMinutes(1)),
    /** Pushes a DJ sends (announcements with push, {@code /api/push/send}): every one buzzes a room of phones. */
    PUSH_SEND("push-send", 10, Duration.ofMinutes(1)),
    /** Stage follows over REST per client IP (a phone follows a few stages; each is a database write). */
    STAGE_FOLLOWS("stage-follows", 60, Duration.ofMinutes(1)),
    /** Star changes in the event companion per client IP (each is a database write; a tap is one). */
    SLOT_STARS("slot-stars", 60, Duration.ofMinutes(1)),
    /** SUBSCRIBE_STAGE per connection: a stage not seen lately is read from the database. */
    STAGE_SUBSCRIBES("stage-subscribes", 20, Duration.ofMinutes(1)),
    /** AUTHENTICATE per connection: each one looks a token up. */
    WS_AUTHENTICATE("ws-authenticate", 10, Duration.ofMinutes(1)),
    /** Event announcements per organizer: each one reaches every follower of the event. */
    EVENT_ANNOUNCEMENTS("event-announcements", 10, Duration.ofMinutes(10)),
    /** Claims of a device's anonymous likes per account: a phone or two per dancer, each a few writes. */
    LIKE_CLAIMS("like-claims", 10, Duration.ofMinutes(1)),
    /** Playlist exports per account: each one searches Spotify for every track and makes a playlist. */
    SPOTIFY_EXPORTS("spotify-exports", 5, Duration.ofMinutes(10));

    private final String key;
    private final int defaultLimit;
    private final Duration defaultWindow;

    Quota(String key, int defaultLimit, Duration defaultWindow) {
        this.key = key;
        this.defaultLimit = defaultLimit;
        this.defaultWindow = defaultWindow;
    }

    public String key() {
        return key;
    }

    public RateLimitPolicy defaultPolicy() {
        return new RateLimitPolicy(key, defaultLimit, defaultWindow);
    }
}
