package stream.pika.crate.control;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrackScoringTest {

    @Test
    void titlesLoseWhatDoesNotChangeTheSong() {
        assertEquals("shape of you", TrackNormalizer.title("01 - Shape of You (Extended Mix).mp3"));
        assertEquals("valerie", TrackNormalizer.title("Valerie (feat. Amy Winehouse)"));
        assertEquals("dreams", TrackNormalizer.title("Dreams - 2004 Remaster"));
        assertEquals("cafe del mar", TrackNormalizer.title("Café del Mar"));
        assertEquals("titanium alesso remix", TrackNormalizer.title("Titanium (Alesso Remix)"), "a remix is another recording");
        assertEquals("dreams live", TrackNormalizer.title("Dreams - Live"));
    }

    @Test
    void artistsAreTheirMainNamesSorted() {
        assertEquals(List.of("bruno mars", "mark ronson"), TrackNormalizer.artists("Mark Ronson feat. Bruno Mars"));
        assertEquals(List.of("jay z", "beyonce"), TrackNormalizer.artists("Beyoncé & JAY-Z").stream().sorted((a, b) -> b.compareTo(a)).toList());
        assertEquals(List.of(), TrackNormalizer.artists("  "));
    }

    @Test
    void theSameSongScoresHighAndAnotherSongLow() {
        assertTrue(TrackScoring.score("Ed Sheeran", "Shape of You (Extended Mix)", "Ed Sheeran", "Shape of You") > 0.99);
        assertTrue(TrackScoring.score("Mark Ronson", "Uptown Funk (feat. Bruno Mars)", "Mark Ronson, Bruno Mars", "Uptown Funk") > 0.9);
        assertTrue(TrackScoring.score("Shape of You", "Ed Sheeran", "Ed Sheeran", "Shape of You") > 0.9, "swapped fields");
        assertTrue(TrackScoring.score("Gnarls Barkley", "Crazy", "Patsy Cline", "Crazy") < 0.8, "same title, another artist");
        assertTrue(TrackScoring.score("Ed Sheeran", "Shape of You", "Ed Sheeran", "Thinking Out Loud") < 0.8, "another song");
        assertTrue(TrackScoring.score("David Guetta", "Titanium", "David Guetta, Sia", "Titanium - Alesso Remix")
                < TrackScoring.score("David Guetta", "Titanium", "David Guetta, Sia", "Titanium"), "the original beats its remix");
    }
}
