package stream.pika.interactions.boundary;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import stream.pika.interactions.entity.InteractionMessages;
import stream.pika.live.boundary.Phone;
import stream.pika.live.entity.LiveMessages;
import stream.pika.live.entity.Outcome;
import stream.pika.live.entity.TrackInfo;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The interaction boundaries' rules over in-memory stores and a manual clock: no container, no database. */
class InteractionRulesTest {

    private final InteractionRig rig = new InteractionRig();
    private final Phone dj = rig.live.goLive("s1");
    private final Phone dancer = rig.live.follow("s1", "client_a");

    private static TrackInfo track(String artist, String title) {
        return new TrackInfo(title, artist, null, null, null, null, null, null, null);
    }

    @Test
    void oneLikePerDancerAndTrackAsTheOriginalNormalizesIt() {
        assertTrue(rig.likes.like(dancer.caller(), "s1", track("Artist", "Song")).accepted());
        assertEquals("Already liked this track", rig.likes.like(dancer.caller(), "s1", track("  ARTIST ", "song  ")).refusal());
        assertTrue(rig.likes.like(dancer.caller(), null, track("Artist", "Other")).accepted(), "the followed session is the default");
        assertEquals(2, dj.of("LIKE_RECEIVED").size());
        assertTrue(dancer.of("LIKE_RECEIVED").isEmpty(), "never back to the sender");
        assertEquals(List.of("s1: record like", "s1: record like"), rig.writes.submitted);
        assertEquals("No active session found", rig.likes.like(dancer.caller(), "nope", track("A", "B")).refusal());
    }

    @Test
    void anEveningOfOfflineLikesGoesThroughButTheDjsScreenCannotBeFlooded() {
        List<TrackInfo> evening = IntStream.range(0, 100).mapToObj(i -> track("Artist", "Song " + i)).toList();
        assertTrue(rig.likes.bulkLike(dancer.caller(), "s1", evening).accepted());
        assertEquals(100, dj.of("LIKE_RECEIVED").size());

        List<TrackInfo> more = IntStream.range(100, 130).mapToObj(i -> track("Artist", "Song " + i)).toList();
        assertEquals("Rate limit exceeded (max 120 likes/min)", rig.likes.bulkLike(dancer.caller(), "s1", more).refusal());
        assertEquals(100, dj.of("LIKE_RECEIVED").size(), "a refused frame delivers none of its likes");

        rig.live.clock.advance(Duration.ofMinutes(1));
        assertTrue(rig.likes.bulkLike(dancer.caller(), "s1", more).accepted());
        assertEquals(130, dj.of("LIKE_RECEIVED").size());
    }

    @Test
    void tempoVotesAreTalliedOnePerDancerAndANewTrackStartsOver() {
        Phone second = rig.live.follow("s1", "client_b");
        assertTrue(rig.live.booth.broadcastTrack(dj.caller(), "s1", track("Artist", "One"), null).accepted());
        assertTrue(rig.tempo.tempo(dancer.caller(), "s1", "faster").accepted());
        assertTrue(rig.tempo.tempo(dancer.caller(), "s1", "slower").accepted()); // changes the vote, not a second one
        assertTrue(rig.tempo.tempo(second.caller(), "s1", "slower").accepted());
        JsonObject last = dj.of("TEMPO_FEEDBACK").get(2);
        assertEquals(0, last.getInt("faster"));
        assertEquals(2, last.getInt("slower"));

        rig.live.clock.advance(Duration.ofSeconds(5));
        assertTrue(rig.live.booth.broadcastTrack(dj.caller(), "s1", track("Artist", "Two"), null).accepted());
        assertTrue(rig.writes.submitted.contains("s1: record tempo votes"), "the first track's tally is kept as its row");
        assertTrue(rig.tempo.tempo(dancer.caller(), "s1", "perfect").accepted());
        JsonObject fresh = dj.of("TEMPO_FEEDBACK").get(3);
        assertEquals(1, fresh.getInt("total"));
        assertEquals("Session not found", rig.tempo.tempo(dancer.caller(), "nope", "faster").refusal());
    }

    @Test
    void pollRulesAreTheBoundarysNotOnlyTheWires() {
        List<String> eleven = IntStream.range(0, 11).mapToObj(i -> "Option " + i).toList();
        assertEquals("Invalid poll: 2 to 10 options",
                rig.polls.startPoll(dj.caller(), "s1", "Which?", eleven, null).refusal());
        assertEquals("Unauthorized poll attempt",
                rig.polls.startPoll(dancer.caller(), "s1", "Which?", List.of("A", "B"), null).refusal());
        assertEquals("Invalid poll: the question must be 1 to 500 characters",
                rig.polls.startPoll(dj.caller(), "s1", " ", List.of("A", "B"), null).refusal());
        assertTrue(dancer.of("POLL_STARTED").isEmpty());
    }

    @Test
    void oneVotePerDancerOnlyFromTheSessionsDancersOnlyWhileThePollRuns() {
        Outcome started = rig.polls.startPoll(dj.caller(), "s1", "Next?", List.of("Fast", "Slow"), 60);
        long pollId = ((InteractionMessages.PollStarted) started.replies().get(0)).pollId();
        assertEquals(1, dancer.of("POLL_STARTED").size());

        assertTrue(rig.polls.vote(dancer.caller(), pollId, 1).accepted());
        assertTrue(rig.polls.vote(dancer.caller(), pollId, 0).accepted(), "a second vote is acknowledged and not counted");
        assertEquals(1, dj.of("POLL_UPDATE").size());
        assertEquals(List.of(0, 1), dj.of("POLL_UPDATE").get(0).getJsonArray("votes").getValuesAs(jakarta.json.JsonNumber.class)
                .stream().map(jakarta.json.JsonNumber::intValue).toList());

        Phone elsewhere = rig.live.connect("client_z");
        Outcome stranger = rig.polls.vote(elsewhere.caller(), pollId, 0);
        assertEquals("Poll belongs to another session", stranger.refusal());
        assertTrue(stranger.replies().get(0) instanceof InteractionMessages.VoteRejected);

        rig.live.clock.advance(Duration.ofSeconds(61));
        rig.timers.fireUntil(rig.live.clock.instant());
        assertEquals(1, dancer.of("POLL_ENDED").size());
        Phone late = rig.live.follow("s1", "client_late");
        Outcome tooLate = rig.polls.vote(late.caller(), pollId, 0);
        assertNotNull(tooLate.refusal());
        assertEquals(1, dj.of("POLL_UPDATE").size());
    }

    @Test
    void aPollWhoseTimerWasLostIsEndedByTheSweepOnce() {
        rig.polls.startPoll(dj.caller(), "s1", "Next?", List.of("Fast", "Slow"), 30);
        rig.live.clock.advance(Duration.ofSeconds(31));
        rig.live.sweeper.sweep(); // the node that set the timer is gone: its timer never fires
        rig.live.sweeper.sweep();
        assertEquals(1, dancer.of("POLL_ENDED").size());
        assertEquals(1, rig.writes.submitted.stream().filter(w -> w.equals("s1: close poll")).count());
    }

    @Test
    void aNewPollEndsTheRunningOneFirstAndPollIdsComeFromTheSequence() {
        Outcome first = rig.polls.startPoll(dj.caller(), "s1", "One?", List.of("A", "B"), null);
        Outcome second = rig.polls.startPoll(dj.caller(), "s1", "Two?", List.of("A", "B"), null);
        long firstId = ((InteractionMessages.PollStarted) first.replies().get(0)).pollId();
        long secondId = ((InteractionMessages.PollStarted) second.replies().get(0)).pollId();
        assertEquals(firstId + 1, secondId);
        assertEquals(List.of("POLL_STARTED", "POLL_ENDED", "POLL_STARTED"),
                dancer.types().stream().filter(t -> t.startsWith("POLL")).toList());
        assertEquals(firstId, dancer.of("POLL_ENDED").get(0).getJsonNumber("pollId").longValue());
    }

    @Test
    void anAnnouncementIsShownToLateJoinersAndInTheFullListUntilItEnds() {
        assertEquals("Unauthorized announcement", rig.announcements.announce(dancer.caller(), "s1", "Hi", 60, false).refusal());
        assertTrue(rig.announcements.announce(dj.caller(), "s1", "Last dance at 2", 60, false).accepted());
        assertEquals("Last dance at 2", dancer.of("ANNOUNCEMENT_RECEIVED").get(0).getString("message"));

        Phone late = rig.live.connect("client_late");
        List<Object> replies = rig.live.audience.subscribe(late.caller(), "s1").replies();
        assertTrue(replies.stream().anyMatch(r -> r instanceof InteractionMessages.AnnouncementReceived));
        LiveMessages.SessionSummary summary = rig.live.sessions.summaries().get(0);
        assertEquals("Last dance at 2", summary.activeAnnouncement().message());

        rig.live.clock.advance(Duration.ofSeconds(61));
        rig.live.sweeper.sweep(); // its timer was lost
        assertEquals(1, dancer.of("ANNOUNCEMENT_CANCELLED").size());
        assertNull(rig.live.sessions.summaries().get(0).activeAnnouncement());
        assertEquals("Invalid announcement: the message must be 1 to 200 characters",
                rig.announcements.announce(dj.caller(), "s1", "x".repeat(201), null, false).refusal());
    }

    @Test
    void thankYousAreLimitedPerDancer() {
        for (int i = 0; i < 10; i++) {
            assertTrue(rig.reactions.react(dancer.caller(), "s1", "thank_you").accepted());
        }
        assertEquals("Rate limit exceeded (max 10 reactions per 10s)", rig.reactions.react(dancer.caller(), "s1", "thank_you").refusal());
        assertEquals(10, dj.of("REACTION_RECEIVED").size());
        rig.live.clock.advance(Duration.ofSeconds(10));
        assertTrue(rig.reactions.react(dancer.caller(), "s1", "thank_you").accepted());
    }

    @Test
    void theEndOfASetClosesItsPollAndKeepsItsLastTally() {
        assertTrue(rig.live.booth.broadcastTrack(dj.caller(), "s1", track("Artist", "Last"), null).accepted());
        rig.tempo.tempo(dancer.caller(), "s1", "faster");
        rig.polls.startPoll(dj.caller(), "s1", "More?", List.of("Yes", "No"), null);
        rig.writes.submitted.clear();

        assertTrue(rig.live.booth.endSession(dj.caller(), "s1").accepted());
        assertEquals(List.of("s1: record tempo votes", "s1: close poll"), rig.writes.submitted);
        assertFalse(rig.store.runningPoll("s1").isPresent());
    }
}
