package stream.pika.crate.control;

import stream.pika.crate.entity.Candidate;
import stream.pika.crate.entity.MatchDecision;
import stream.pika.crate.entity.MatchMethod;
import stream.pika.crate.entity.MatchStatus;
import stream.pika.crate.entity.PlayedName;

import java.util.List;
import java.util.Objects;

/**
 * Decides a play's match among the catalog's candidates. Each candidate scores by the names
 * ({@link TrackScoring}) and by the BPM when both sides know it; a file named "Artist - Title"
 * with no artist is read both ways. The confidence is the best score, raised towards 1 when
 * it stands far above the best other song (a typo of the one close record is still that record),
 * and held below the automatic link when another song scores nearly as well or when the names
 * differ by more than slips (one edit per title and per artist after normalization). Then the bands:
 * at or above {@code autoLink} the play is linked; from {@code review} it waits for its DJ.
 */
public final class MatchDecider {

    /** The bands of the decision. */
    public record Thresholds(double autoLink, double review) {
        public static final Thresholds DEFAULT = new Thresholds(0.95, 0.5);
    }

    /** Below this a best score is not raised by its lead (a weak best stays weak). */
    static final double RAISE_FROM = 0.85;
    /** The lead over the best other song at which a strong best counts as certain. */
    static final double FULL_LEAD = 0.3;
    /** Another song within this of the best: the play is ambiguous, a person decides. */
    static final double AMBIGUOUS = 0.03;

    private record Scored(Candidate candidate, double score) {
    }

    private MatchDecider() {
    }

    public static MatchDecision decide(PlayedName played, List<Candidate> candidates, Thresholds thresholds) {
        Scored best = null;
        Scored runnerUp = null;
        for (Candidate candidate : candidates) {
            Scored scored = new Scored(candidate, score(played, candidate));
            if (best == null || scored.score() > best.score()) {
                if (best != null && !sameSong(best.candidate(), candidate)) {
                    runnerUp = best;
                }
                best = scored;
            } else if (!sameSong(best.candidate(), candidate) && (runnerUp == null || scored.score() > runnerUp.score())) {
                runnerUp = scored;
            }
        }
        if (best == null) {
            return new MatchDecision(played.playedTrackId(), null, 0, MatchMethod.FUZZY, MatchStatus.UNMATCHED);
        }
        double lead = best.score() - (runnerUp == null ? 0 : runnerUp.score());
        double confidence = best.score();
        if (!nearlySame(played, best.candidate())) {
            // Another title or another artist, however alike ("Part II", "Nina" for "Nico"): a person decides.
            confidence = Math.min(confidence, thresholds.autoLink() - 0.01);
        } else if (confidence >= RAISE_FROM) {
            confidence += (1 - confidence) * Math.min(1, lead / FULL_LEAD);
        }
        if (runnerUp != null && lead < AMBIGUOUS) {
            confidence = Math.min(confidence, thresholds.autoLink() - 0.05);
        }
        confidence = Math.max(0, Math.min(1, confidence));
        boolean exact = best.score() >= 0.9999;
        MatchStatus status = confidence >= thresholds.autoLink() ? MatchStatus.AUTO
                : confidence >= thresholds.review() ? MatchStatus.NEEDS_REVIEW : MatchStatus.UNMATCHED;
        return new MatchDecision(played.playedTrackId(), status == MatchStatus.UNMATCHED ? null : best.candidate().globalTrackId(),
                round(confidence), exact ? MatchMethod.EXACT : MatchMethod.FUZZY, status);
    }

    /** The names' score, read both ways for "Artist - Title" in the title, times the BPM's agreement. */
    static double score(PlayedName played, Candidate candidate) {
        double names = TrackScoring.score(played.artist(), played.title(), candidate.artist(), candidate.title());
        if (played.artist() == null || played.artist().isBlank()) {
            int dash = played.title().indexOf(" - ");
            if (dash > 0) {
                String left = played.title().substring(0, dash);
                String right = played.title().substring(dash + 3);
                names = Math.max(names, Math.max(TrackScoring.score(left, right, candidate.artist(), candidate.title()),
                        TrackScoring.score(right, left, candidate.artist(), candidate.title()) * TrackScoring.SWAPPED_PENALTY));
            }
        }
        return names * tempoAgreement(played.bpm(), candidate.bpm());
    }

    /** Whether the names are the same but for slips, read both ways for "Artist - Title" in the title. */
    static boolean nearlySame(PlayedName played, Candidate candidate) {
        if (TrackScoring.nearlySame(played.artist(), played.title(), candidate.artist(), candidate.title())) {
            return true;
        }
        int dash = played.artist() == null || played.artist().isBlank() ? played.title().indexOf(" - ") : -1;
        return dash > 0 && TrackScoring.nearlySame(played.title().substring(0, dash), played.title().substring(dash + 3),
                candidate.artist(), candidate.title());
    }

    /** 1 when the BPMs agree (or either is unknown; half and double time agree too), less the further apart they are. */
    static double tempoAgreement(Integer playedBpm, Double catalogBpm) {
        if (playedBpm == null || catalogBpm == null || playedBpm <= 0 || catalogBpm <= 0) {
            return 1;
        }
        double ratio = playedBpm / catalogBpm;
        double off = Math.min(Math.abs(ratio - 1), Math.min(Math.abs(ratio - 2), Math.abs(ratio - 0.5)));
        return off <= 0.04 ? 1 : off <= 0.1 ? 0.97 : 0.92;
    }

    private static boolean sameSong(Candidate a, Candidate b) {
        return Objects.equals(TrackNormalizer.title(a.title()), TrackNormalizer.title(b.title()))
                && Objects.equals(TrackNormalizer.artists(a.artist()), TrackNormalizer.artists(b.artist()));
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
