package stream.pika.live.boundary;

import org.junit.jupiter.api.Test;
import stream.pika.live.control.LiveFixtures;
import stream.pika.live.entity.LiveMessages;
import stream.pika.live.entity.Outcome;
import stream.pika.live.entity.TrackInfo;
import stream.pika.platform.entity.RenderedMessage;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live boundaries' rules over in-memory stores and a manual clock: no container, no database. */
class LiveRulesTest {

    private final LiveRig rig = new LiveRig();

    static TrackInfo track(String title) {
        return new TrackInfo(title, "Artist", null, null, null, null, null, null, null);
    }

    @Test
    void goingLiveNeedsATokenUnlessAnonymousDjsAreAllowed() {
        LiveRig strict = new LiveRig(LiveFixtures.settings(false, 3));
        Phone dj = strict.connect(null);
        Outcome refused = strict.booth.register(dj.caller(), "s1", "DJ", null, "0.3.0");
        assertEquals("Authentication required", refused.refusal());
        assertEquals(DjBooth.CLOSE_AUTHENTICATION, refused.close().code());
        assertTrue(strict.sessions.live("s1").isEmpty());
    }

    @Test
    void aLateJoinerGetsTheListTheCountAndWhatIsPlaying() {
        Phone lobby = rig.connect("client_lobby");
        Phone dj = rig.goLive("s1");
        assertEquals(List.of("SESSION_STARTED"), lobby.types());
        assertTrue(rig.booth.broadcastTrack(dj.caller(), "s1", track("One"), null).accepted());

        Phone dancer = rig.connect("client_a");
        Outcome joined = rig.audience.subscribe(dancer.caller(), "s1");
        List<Object> replies = joined.replies();
        assertEquals(3, replies.size(), "the lean list, the listener count, NOW_PLAYING: " + replies);
        assertTrue(replies.get(0) instanceof RenderedMessage);
        assertEquals(new LiveMessages.ListenerCount("s1", 1), replies.get(1));
        assertEquals("One", ((LiveMessages.NowPlaying) replies.get(2)).track().title());
    }

    @Test
    void onlyTheOwningConnectionActsForTheDjAndTheDjDoesNotHearItself() {
        Phone dj = rig.goLive("s1");
        Phone dancer = rig.follow("s1", "client_a");
        Phone intruder = rig.connect("client_b");

        assertEquals("Unauthorized track broadcast", rig.booth.broadcastTrack(intruder.caller(), "s1", track("X"), null).refusal());
        assertEquals("Session not found", rig.booth.broadcastTrack(dj.caller(), "nope", track("X"), null).refusal());
        assertTrue(rig.booth.broadcastTrack(dj.caller(), "s1", track("One"), null).accepted());

        assertEquals(List.of("NOW_PLAYING"), dancer.types());
        assertFalse(dj.types().contains("NOW_PLAYING"));
        assertTrue(rig.history.lines.contains("track s1 One"));
    }

    @Test
    void oneTrackPerSessionEveryFiveSecondsAndARepeatedMessageIdIsDroppedQuietly() {
        Phone dj = rig.goLive("s1");
        Phone dancer = rig.follow("s1", "client_a");

        assertTrue(rig.booth.broadcastTrack(dj.caller(), "s1", track("One"), "m1").accepted());
        assertEquals("Rate limit exceeded (wait 5s)", rig.booth.broadcastTrack(dj.caller(), "s1", track("Two"), "m2").refusal());
        rig.clock.advance(Duration.ofSeconds(5));
        assertTrue(rig.booth.broadcastTrack(dj.caller(), "s1", track("Two"), "m2").accepted());
        rig.clock.advance(Duration.ofSeconds(5));
        assertTrue(rig.booth.broadcastTrack(dj.caller(), "s1", track("Two again"), "m2").accepted()); // a retry: ACKed, not sent
        assertEquals(List.of("NOW_PLAYING", "TEMPO_RESET", "NOW_PLAYING"), dancer.types());
    }

    @Test
    void aDjWhoDoesNotComeBackWithinTheGraceEndsTheSet() {
        Phone dj = rig.goLive("s1");
        Phone dancer = rig.follow("s1", "client_a");
        rig.audience.disconnected(dj.caller());

        rig.clock.advance(Duration.ofSeconds(59));
        rig.sweeper.sweep();
        assertTrue(rig.sessions.live("s1").isPresent(), "still within the reconnect grace");
        assertTrue(dancer.types().isEmpty());

        rig.clock.advance(Duration.ofSeconds(1));
        rig.sweeper.sweep();
        assertTrue(rig.sessions.live("s1").isEmpty());
        assertEquals(List.of("SESSION_ENDED"), dancer.types());
        assertTrue(rig.history.lines.contains("close s1"));
    }

    @Test
    void theDjComingBackWithinTheGraceResumesTheSet() {
        Phone dj = rig.goLive("s1");
        Phone dancer = rig.follow("s1", "client_a");
        rig.audience.disconnected(dj.caller());
        rig.clock.advance(Duration.ofSeconds(30));

        Phone back = rig.goLive("s1");
        rig.clock.advance(Duration.ofSeconds(60));
        rig.sweeper.sweep();
        assertTrue(rig.sessions.live("s1").isPresent());
        assertTrue(rig.booth.broadcastTrack(back.caller(), "s1", track("After"), null).accepted());
        assertEquals(List.of("NOW_PLAYING"), dancer.types());
        assertTrue(rig.history.lines.stream().anyMatch(l -> l.startsWith("event s1 RECONNECT")));
    }

    @Test
    void anIdleSetExpiresOnceOldEnoughAndItsConnectionsAreTold() {
        Phone dj = rig.goLive("s1");
        Phone dancer = rig.follow("s1", "client_a");
        rig.clock.advance(Duration.ofHours(7));
        rig.sweeper.sweep();
        assertTrue(rig.sessions.live("s1").isPresent(), "idle 7 h but younger than 8 h");

        rig.clock.advance(Duration.ofHours(1).plusSeconds(1));
        rig.sweeper.sweep();
        assertTrue(rig.sessions.live("s1").isEmpty());
        assertEquals(List.of("SESSION_ENDED", "SESSION_EXPIRED"), dancer.types());
        assertTrue(dj.types().contains("SESSION_EXPIRED"));
    }

    @Test
    void oneConnectionHoldsOnlyAFewSessions() {
        LiveRig tight = new LiveRig(LiveFixtures.settings(true, 2));
        Phone dj = tight.connect(null);
        assertTrue(tight.booth.register(dj.caller(), "a", "DJ", null, null).accepted());
        assertTrue(tight.booth.register(dj.caller(), "b", "DJ", null, null).accepted());
        Outcome third = tight.booth.register(dj.caller(), "c", "DJ", null, null);
        assertEquals("Too many live sessions on this connection (max 2)", third.refusal());
        assertEquals(DjBooth.CLOSE_BUSY, third.close().code());
        assertTrue(tight.booth.register(dj.caller(), "a", "DJ", null, null).accepted(), "resuming one it holds is fine");
    }

    @Test
    void aDancerCountsOnceAndLingersAfterLeaving() {
        Phone dj = rig.goLive("s1");
        Phone firstTab = rig.follow("s1", "client_a");
        Phone secondTab = rig.follow("s1", "client_a");
        rig.follow("s1", "client_b");
        rig.audience.publishListenerCounts();
        assertEquals(List.of(2), counts(dj));

        rig.audience.disconnected(firstTab.caller());
        rig.audience.disconnected(secondTab.caller());
        rig.clock.advance(Duration.ofMinutes(4));
        rig.audience.publishListenerCounts();
        assertEquals(List.of(2), counts(dj), "client_a lingers 5 minutes; an unchanged count is not sent again");

        rig.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        rig.audience.publishListenerCounts();
        assertEquals(List.of(2, 1), counts(dj));
        assertEquals(1, rig.sessions.active().sessions().get(0).listenerCount());
    }

    private static List<Integer> counts(Phone phone) {
        return phone.of("LISTENER_COUNT").stream().map(m -> m.getInt("count")).toList();
    }

    @Test
    void endingTheSetTellsTheLobbyAndTheFollowersButNotTheDj() {
        Phone lobby = rig.connect("client_lobby");
        Phone dj = rig.goLive("s1");
        Phone dancer = rig.follow("s1", "client_a");
        Phone other = rig.connect("client_b");

        assertEquals("Unauthorized end session", rig.booth.endSession(other.caller(), "s1").refusal());
        assertTrue(rig.booth.endSession(dj.caller(), "s1").accepted());
        assertEquals(List.of("SESSION_STARTED", "SESSION_ENDED"), lobby.types());
        assertEquals(List.of("SESSION_ENDED"), dancer.types());
        assertFalse(dj.types().contains("SESSION_ENDED"));
        assertTrue(rig.sessions.live("s1").isEmpty());
    }
}
