package stream.pika.crate.entity;

/**
 * What the matcher decided for one play: the record (null when unmatched), its confidence 0–1,
 * how it was found and where it stands. Only {@code auto} links the play.
 */
public record MatchDecision(long playedTrackId, Long globalTrackId, double confidence, MatchMethod method, MatchStatus status) {

    public boolean links() {
        return status == MatchStatus.AUTO || status == MatchStatus.CONFIRMED;
    }
}
