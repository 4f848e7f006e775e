package stream.pika.live.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import stream.pika.live.entity.PlayStatistics;
import stream.pika.live.entity.VibeDimension;
import stream.pika.live.entity.VibeRadar;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The vibe radar's arithmetic and words (the page's figures are checked against the database by CareerHubIT). */
class VibeRadarsTest {

    @Test
    void everyAxisFromAFullSet() {
        VibeRadar radar = VibeRadars.of(new PlayStatistics(20, 98.0, 20, 65.0, 20, 75.0, 12, 2009.0, 10, 16), 2026);
        assertEquals(List.of("tempo", "energy", "danceability", "era", "variety"), radar.dimensions().stream().map(VibeDimension::key).toList());
        assertEquals(List.of(48, 65, 75, 74, 80), radar.dimensions().stream().map(VibeDimension::score).toList());
        assertEquals("mid-tempo (98 BPM), medium energy, easy to dance, 2000s releases", radar.mostlyPlays());
        assertEquals("some favourites (16 songs in 20 plays)", radar.dimensions().get(4).reading());
    }

    @ParameterizedTest
    @CsvSource({"40, 0, slow", "87.9, 35, slow", "88, 35, mid-tempo", "108, 60, mid-tempo", "108.5, 61, fast", "200, 100, fast"})
    void tempoIsTheMedianOnASixtyToOneFortyScale(double bpm, int score, String band) {
        VibeDimension tempo = VibeRadars.tempo(new PlayStatistics(5, bpm, 5, null, 0, null, 0, null, 0, 5));
        assertEquals(score, tempo.score());
        assertEquals(band + " (" + Math.round(bpm) + " BPM)", tempo.reading());
    }

    @Test
    void anAxisWithoutEnoughDataHasNoScoreAndNoWords() {
        VibeRadar radar = VibeRadars.of(new PlayStatistics(2, 100.0, 2, 70.0, 2, null, 0, null, 0, 2), 2026);
        radar.dimensions().forEach(axis -> assertFalse(axis.known(), axis::toString));
        assertNull(radar.mostlyPlays());
    }

    @Test
    void repeatsLowerTheVariety() {
        VibeDimension variety = VibeRadars.variety(new PlayStatistics(10, null, 0, null, 0, null, 0, null, 0, 4));
        assertEquals(40, variety.score());
        assertEquals("plays favourites (4 songs in 10 plays)", variety.reading());
    }
}
