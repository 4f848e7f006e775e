package stream.pika.live.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A track a DJ played in a session (table {@code played_tracks}), with the DJ app's audio analysis. */
@Entity
@Table(name = "played_tracks")
public class PlayedTrack {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "session_id", nullable = false, updatable = false)
    private String sessionId;

    @Column(nullable = false)
    private String artist;

    @Column(nullable = false)
    private String title;

    private Integer bpm;

    @Column(name = "key")
    private String musicalKey;

    private Integer energy;
    private Integer danceability;
    private Integer brightness;
    private Integer acousticness;
    private Integer groove;

    @Column(name = "played_at", nullable = false, updatable = false)
    private Instant playedAt;

    protected PlayedTrack() {
        // for JPA
    }

    public PlayedTrack(String sessionId, String artist, String title, Instant playedAt) {
        this.sessionId = sessionId;
        this.artist = artist;
        this.title = title;
        this.playedAt = playedAt;
    }

    /** Sets the analysis figures; {@code null} means "not analysed". */
    public void analysis(Integer bpm, String musicalKey, Integer energy, Integer danceability,
                         Integer brightness, Integer acousticness, Integer groove) {
        this.bpm = bpm;
        this.musicalKey = musicalKey;
        this.energy = energy;
        this.danceability = danceability;
        this.brightness = brightness;
        this.acousticness = acousticness;
        this.groove = groove;
    }

    public Long id() {
        return id;
    }

    public String sessionId() {
        return sessionId;
    }

    public String artist() {
        return artist;
    }

    public String title() {
        return title;
    }

    public Integer bpm() {
        return bpm;
    }

    public String musicalKey() {
        return musicalKey;
    }

    public Integer energy() {
        return energy;
    }

    public Integer danceability() {
        return danceability;
    }

    public Integer brightness() {
        return brightness;
    }

    public Integer acousticness() {
        return acousticness;
    }

    public Integer groove() {
        return groove;
    }

    public Instant playedAt() {
        return playedAt;
    }
}
