package stream.pika.interactions.entity;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The poll and announcement limits the interactions boundary holds, whatever the adapter checked. */
class PollRulesTest {

    @Test
    void pollsWithinTheContractsLimitsPass() {
        assertEquals(Optional.empty(), PollRules.problem("Next?", List.of("Blues", "Swing"), null));
        assertEquals(Optional.empty(), PollRules.problem("😀".repeat(500), Collections.nCopies(10, "x".repeat(100)), 300));
    }

    @Test
    void pollsOutsideThemAreNamed() {
        assertEquals(Optional.of("the question must be 1 to 500 characters"), PollRules.problem(" ", List.of("A", "B"), null));
        assertEquals(Optional.of("the question must be 1 to 500 characters"), PollRules.problem("q".repeat(501), List.of("A", "B"), null));
        assertEquals(Optional.of("2 to 10 options"), PollRules.problem("Q", List.of("A"), null));
        assertEquals(Optional.of("2 to 10 options"), PollRules.problem("Q", Collections.nCopies(11, "A"), null));
        assertEquals(Optional.of("each option must be 1 to 100 characters"), PollRules.problem("Q", List.of("A", "o".repeat(101)), null));
        assertEquals(Optional.of("each option must be 1 to 100 characters"), PollRules.problem("Q", List.of("A", "a\u0000b"), null));
        assertEquals(Optional.of("the duration must be 30 to 300 seconds"), PollRules.problem("Q", List.of("A", "B"), 29));
        assertTrue(PollRules.problem("Q", List.of("A", "B"), 301).isPresent());
    }

    @Test
    void announcementsHaveTheirLimits() {
        assertEquals(Optional.empty(), PollRules.announcementProblem("Last dance", 60));
        assertEquals(Optional.of("the message must be 1 to 200 characters"), PollRules.announcementProblem("m".repeat(201), null));
        assertEquals(Optional.of("the duration must be 60 to 3600 seconds"), PollRules.announcementProblem("Hi", 3601));
    }
}
