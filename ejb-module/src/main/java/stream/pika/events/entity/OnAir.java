package stream.pika.events.entity;

/**
 * The set live on a stage now: its session, DJ, what plays (absent when nothing does) and how
 * many dancers listen (its own subscribers and the stage's followers).
 */
public record OnAir(String sessionId, String djName, Playing playing, int listenerCount) {

    /** The track playing, as an event page shows it. */
    public record Playing(String title, String artist, java.math.BigDecimal bpm) {
    }
}
