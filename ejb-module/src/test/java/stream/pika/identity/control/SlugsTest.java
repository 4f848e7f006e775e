package stream.pika.identity.control;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlugsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "DJ Öne|dj-one",
            "  Élodie   Fontaine |elodie-fontaine",
            "big_beat__boss|big-beat-boss",
            "--Swing -- Time--|swing-time",
            "Café Crème & Co.|cafe-creme-co",
            "!!!|''",
            "Ørsted 2000|rsted-2000",
            "ÅSA|asa"})
    void slugFollowsTheOriginalRule(String displayName, String slug) {
        assertEquals(slug, Slugs.of(displayName));
    }

    @ParameterizedTest
    @CsvSource({"admin", "api", "live", "health"})
    void platformWordsAreReserved(String slug) {
        assertTrue(Slugs.reserved(slug));
    }

    @ParameterizedTest
    @CsvSource({"dj-one", "admiral", "livewire"})
    void djNamesAreNotReserved(String slug) {
        assertFalse(Slugs.reserved(slug));
    }
}
