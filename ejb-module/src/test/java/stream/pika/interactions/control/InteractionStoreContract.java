package stream.pika.interactions.control;

import org.junit.jupiter.api.Test;
import stream.pika.interactions.entity.Announcement;
import stream.pika.interactions.entity.RunningPoll;
import stream.pika.interactions.entity.TempoCounts;
import stream.pika.interactions.entity.TempoPreference;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link InteractionStore} must do, in memory (Java) and in Redis (Lua) alike: likes
 * deduplicated per dancer and track, one tempo vote per dancer and a clear that really clears,
 * one poll vote per dancer refused after the end, a poll that starts from nothing, announcements
 * that expire once.
 */
abstract class InteractionStoreContract {

    static final Instant T0 = Instant.parse("2026-11-29T20:00:00Z");
    static final Duration LIFE = Duration.ofMinutes(5);

    abstract InteractionStore store();

    @Test
    void oneLikePerDancerAndTrack() {
        InteractionStore store = store();
        assertTrue(store.like("set-a", "client-1", "artist::title"));
        assertFalse(store.like("set-a", "client-1", "artist::title"), "the same like again");
        assertTrue(store.like("set-a", "client-2", "artist::title"), "another dancer");
        assertTrue(store.like("set-b", "client-1", "artist::title"), "another session");
        assertTrue(store.unlike("set-a", "client-1", "artist::title"));
        assertFalse(store.unlike("set-a", "client-1", "artist::title"), "taken back once");
        assertTrue(store.like("set-a", "client-1", "artist::title"), "and given again");
    }

    @Test
    void tempoTalliesOneVotePerDancerAndClears() {
        InteractionStore store = store();
        assertEquals(new TempoCounts(1, 0, 0), store.voteTempo("set-t", "client-1", Optional.of(TempoPreference.FASTER), T0, LIFE));
        assertEquals(new TempoCounts(1, 1, 0), store.voteTempo("set-t", "client-2", Optional.of(TempoPreference.SLOWER), T0, LIFE));
        assertEquals(new TempoCounts(0, 2, 0), store.voteTempo("set-t", "client-1", Optional.of(TempoPreference.SLOWER), T0, LIFE),
                "a new vote replaces the old one");
        assertEquals(new TempoCounts(0, 1, 0), store.voteTempo("set-t", "client-1", Optional.empty(), T0, LIFE), "clear takes it back");
        assertEquals(new TempoCounts(0, 1, 0), store.tempo("set-t", T0.plusSeconds(60), LIFE));
        store.voteTempo("set-t", "client-3", Optional.of(TempoPreference.PERFECT), T0.plusSeconds(60), LIFE);
        assertEquals(new TempoCounts(0, 1, 1), store.resetTempo("set-t", T0.plusSeconds(61), LIFE), "reset answers the counts before");
        assertEquals(new TempoCounts(0, 0, 0), store.tempo("set-t", T0.plusSeconds(62), LIFE));

        store.voteTempo("set-u", "client-1", Optional.of(TempoPreference.FASTER), T0, LIFE);
        assertEquals(new TempoCounts(1, 0, 0), store.tempo("set-u", T0.plus(LIFE).minusSeconds(1), LIFE));
        assertEquals(new TempoCounts(0, 0, 0), store.tempo("set-u", T0.plus(LIFE).plusSeconds(1), LIFE), "votes lapse");
    }

    @Test
    void pollsTakeOneVotePerDancerUntilTheyEnd() {
        InteractionStore store = store();
        RunningPoll poll = RunningPoll.open(41, "set-p", "Next?", List.of("Blues", "Swing"), T0, T0.plusSeconds(60));
        assertTrue(store.startPoll(poll).isEmpty());
        assertEquals(41, store.runningPoll("set-p").orElseThrow().id());

        InteractionStore.VoteResult counted = store.vote(41, "client-1", 1, T0.plusSeconds(1));
        assertEquals(InteractionStore.VoteKind.COUNTED, counted.kind());
        assertEquals(List.of(0, 1), counted.poll().orElseThrow().votes());
        assertEquals(InteractionStore.VoteKind.ALREADY_VOTED, store.vote(41, "client-1", 0, T0.plusSeconds(2)).kind());
        assertEquals(InteractionStore.VoteKind.NO_SUCH_OPTION, store.vote(41, "client-2", 5, T0.plusSeconds(2)).kind());
        assertEquals(InteractionStore.VoteKind.NO_SUCH_POLL, store.vote(99, "client-2", 0, T0.plusSeconds(2)).kind());
        assertEquals(InteractionStore.VoteKind.POLL_OVER, store.vote(41, "client-2", 0, T0.plusSeconds(61)).kind(), "after its end");
        assertEquals(1, store.poll(41).orElseThrow().totalVotes());

        RunningPoll ended = store.endPoll(41).orElseThrow();
        assertEquals(List.of(0, 1), ended.votes());
        assertTrue(store.endPoll(41).isEmpty(), "ended once");
        assertEquals(InteractionStore.VoteKind.POLL_OVER, store.vote(41, "client-3", 0, T0.plusSeconds(5)).kind(), "refused after the end");
        assertTrue(store.runningPoll("set-p").isEmpty());
    }

    @Test
    void aNewPollReplacesTheRunningOneAndStartsFromNothing() {
        InteractionStore store = store();
        store.startPoll(RunningPoll.open(51, "set-q", "First?", List.of("A", "B"), T0, null));
        store.vote(51, "client-1", 0, T0);
        Optional<RunningPoll> replaced = store.startPoll(RunningPoll.open(52, "set-q", "Second?", List.of("C", "D"), T0, null));
        assertEquals(51, replaced.orElseThrow().id(), "the running poll ends when the next starts");
        assertEquals(52, store.runningPoll("set-q").orElseThrow().id());

        // A poll id seen before (another database's poll of that id): nothing of it survives.
        store.endPoll(52);
        store.startPoll(RunningPoll.open(52, "set-r", "Again?", List.of("E", "F"), T0, null));
        RunningPoll fresh = store.poll(52).orElseThrow();
        assertEquals("Again?", fresh.question());
        assertEquals(0, fresh.totalVotes());
        assertEquals(InteractionStore.VoteKind.COUNTED, store.vote(52, "client-1", 1, T0).kind(), "not refused as ended");
    }

    @Test
    void announcementsAreShownUntilTheyExpireOnce() {
        InteractionStore store = store();
        Announcement announcement = new Announcement("Last dance", T0, T0.plusSeconds(60), false);
        store.announce("set-n", announcement);
        assertEquals("Last dance", store.announcement("set-n").orElseThrow().message());
        assertTrue(store.announcingSessions().contains("set-n"));
        assertTrue(store.expireAnnouncement("set-n", T0.plusSeconds(30)).isEmpty(), "not over yet");
        assertEquals("Last dance", store.expireAnnouncement("set-n", T0.plusSeconds(60)).orElseThrow().message());
        assertTrue(store.expireAnnouncement("set-n", T0.plusSeconds(61)).isEmpty(), "expired once");
        assertTrue(store.announcement("set-n").isEmpty());

        store.announce("set-n", new Announcement("Water break", T0, null, false));
        assertEquals("Water break", store.cancelAnnouncement("set-n").orElseThrow().message());
        assertTrue(store.cancelAnnouncement("set-n").isEmpty());
    }

    @Test
    void aFinishedSessionForgetsItsPoll() {
        InteractionStore store = store();
        store.startPoll(RunningPoll.open(61, "set-f", "Q?", List.of("A", "B"), T0, null));
        assertEquals(61, store.forget("set-f").orElseThrow().id());
        assertTrue(store.runningPoll("set-f").isEmpty());
    }
}
