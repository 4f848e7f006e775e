package stream.pika.crate.control;

import org.junit.jupiter.api.Test;
import stream.pika.crate.entity.Candidate;
import stream.pika.crate.entity.MatchDecision;
import stream.pika.crate.entity.MatchMethod;
import stream.pika.crate.entity.MatchStatus;
import stream.pika.crate.entity.PlayedName;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class MatchDeciderTest {

    private static final Candidate GNARLS = new Candidate(1, "Crazy", "Gnarls Barkley", 178000, 112.0);
    private static final Candidate PATSY = new Candidate(2, "Crazy", "Patsy Cline", 165000, 80.0);
    private static final Candidate SHAPE = new Candidate(3, "Shape of You", "Ed Sheeran", 233000, 96.0);
    private static final Candidate SHAPE_REMIX = new Candidate(4, "Shape of You - Major Lazer Remix", "Ed Sheeran, Major Lazer", 200000, 100.0);

    private static MatchDecision decide(String artist, String title, Candidate... candidates) {
        return MatchDecider.decide(new PlayedName(9, artist, title, null), List.of(candidates), MatchDecider.Thresholds.DEFAULT);
    }

    @Test
    void tagsAndTyposOfTheOneCloseRecordLinkIt() {
        MatchDecision tagged = decide("Ed Sheeran", "04 - Shape of You (Extended Mix).mp3", SHAPE, SHAPE_REMIX);
        assertEquals(MatchStatus.AUTO, tagged.status());
        assertEquals(3L, tagged.globalTrackId());
        assertEquals(MatchMethod.EXACT, tagged.method());
        MatchDecision typo = decide("Ed Sheeran", "Shape of Yuo", SHAPE, SHAPE_REMIX);
        assertEquals(MatchStatus.AUTO, typo.status(), typo::toString);
        assertEquals(MatchMethod.FUZZY, typo.method());
        assertEquals(MatchStatus.AUTO, decide("", "Gnarls Barkley - Crazy", GNARLS, PATSY).status(), "Artist - Title in the title");
    }

    @Test
    void anotherArtistsSongOrAnotherRecordingIsNotLinked() {
        MatchDecision cover = decide("Willie Nelson", "Crazy", GNARLS, PATSY);
        assertEquals(MatchStatus.UNMATCHED, cover.status(), "another artist's recording: " + cover);
        MatchDecision nearArtist = decide("Gnarls Barkly Band", "Crazy", GNARLS, PATSY);
        assertEquals(MatchStatus.NEEDS_REVIEW, nearArtist.status(), "more than a slip apart: a person decides; " + nearArtist);
        MatchDecision remix = decide("Ed Sheeran", "Shape of You (Stormzy Remix)", SHAPE);
        assertEquals(MatchStatus.UNMATCHED, remix.status(), remix::toString);
        assertNull(remix.globalTrackId());
        assertEquals(MatchStatus.UNMATCHED, decide("Nobody", "Unknown", new Candidate[0]).status());
    }

    @Test
    void temposThatDisagreeCostConfidence() {
        assertEquals(1.0, MatchDecider.tempoAgreement(120, 60.0), "double time agrees");
        assertEquals(1.0, MatchDecider.tempoAgreement(null, 60.0));
        assertEquals(0.92, MatchDecider.tempoAgreement(90, 120.0));
    }

    @Test
    void typosAreOneEditAway() {
        assertEquals(1, TrackScoring.editsApart("shape of you", "shape of yuo", 2), "a transposition is one edit");
        assertEquals(2, TrackScoring.editsApart("nina", "nico", 3));
        assertEquals(2, TrackScoring.editsApart("hollow train blues part ii", "hollow train blues", 1));
    }
}
