package stream.pika.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * An account's link to a Spotify account. The refresh token is held encrypted (see
 * {@code SecretBox}); {@code broken} once Spotify refused it (revoked): the dancer reconnects.
 */
@Entity
@Table(name = "spotify_links")
@NamedQuery(name = SpotifyLink.BY_SPOTIFY_USER, query = "SELECT l FROM SpotifyLink l WHERE l.spotifyUserId = :spotifyUser")
public class SpotifyLink {

    public static final String BY_SPOTIFY_USER = "SpotifyLink.bySpotifyUser";
    public static final String LINKED = "linked";
    public static final String BROKEN = "broken";

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Column(name = "spotify_user_id", nullable = false)
    private String spotifyUserId;

    @Column(name = "display_name")
    private String displayName;

    @Column(name = "refresh_token")
    private byte[] refreshToken;

    @Column(nullable = false)
    private String scopes;

    @Column(nullable = false)
    private String status;

    @Column(name = "linked_at", nullable = false)
    private Instant linkedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected SpotifyLink() {
        // for JPA
    }

    public SpotifyLink(long userId, SpotifyProfile profile, byte[] sealedRefreshToken, String scopes, Instant at) {
        this.userId = userId;
        this.spotifyUserId = profile.id();
        this.linkedAt = at;
        renew(profile, sealedRefreshToken, scopes, at);
    }

    /** A new sign-in: the newest refresh token and profile, and the link works again. */
    public void renew(SpotifyProfile profile, byte[] sealedRefreshToken, String scopes, Instant at) {
        this.displayName = profile.displayName();
        this.refreshToken = sealedRefreshToken;
        this.scopes = scopes == null ? "" : scopes;
        this.status = LINKED;
        this.updatedAt = at;
    }

    /** Spotify refused the refresh token: the dancer has to reconnect. */
    public void broken(Instant at) {
        this.status = BROKEN;
        this.refreshToken = null;
        this.updatedAt = at;
    }

    public void replaceRefreshToken(byte[] sealed, Instant at) {
        this.refreshToken = sealed;
        this.updatedAt = at;
    }

    public long userId() {
        return userId;
    }

    public String spotifyUserId() {
        return spotifyUserId;
    }

    public byte[] sealedRefreshToken() {
        return refreshToken;
    }

    public boolean isBroken() {
        return BROKEN.equals(status);
    }

    public SpotifyLinkView view() {
        return new SpotifyLinkView(spotifyUserId, displayName, status, linkedAt);
    }
}
