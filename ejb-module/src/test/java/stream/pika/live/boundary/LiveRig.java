package stream.pika.live.boundary;

import stream.pika.admin.boundary.ShadowBanList;
import stream.pika.live.control.InMemoryLiveStateStore;
import stream.pika.live.control.LiveFixtures;
import stream.pika.live.control.LiveSettings;
import stream.pika.live.control.PublishedCounts;
import stream.pika.platform.boundary.RateLimits;
import stream.pika.platform.boundary.RateLimitsFixture;
import stream.pika.platform.control.InMemoryTopicBus;
import stream.pika.platform.control.ManualClock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The live boundaries wired by hand over the in-memory stores, a recorded history and a manual
 * clock: a session's rules run in milliseconds, without a container or a database.
 */
public final class LiveRig {

    public final ManualClock clock = new ManualClock(Instant.parse("2026-06-01T20:00:00Z"));
    public final InMemoryLiveStateStore store = new InMemoryLiveStateStore();
    public final InMemoryTopicBus bus = new InMemoryTopicBus();
    public final LiveFixtures.RecordedHistory history = new LiveFixtures.RecordedHistory();
    public final RateLimits rateLimits = RateLimitsFixture.defaults(clock);
    /** Companions a test adds (the interactions). */
    public final List<SessionCompanion> companionList = new ArrayList<>();
    public final DjBooth booth = new DjBooth();
    public final Audience audience = new Audience();
    public final SessionSweeper sweeper = new SessionSweeper();
    public final LiveSessions sessions = new LiveSessions();
    /** No shadow bans in force (the list is read from the database in the container). */
    public final ShadowBanList shadowBans = new ShadowBanList();

    public LiveRig() {
        this(LiveFixtures.settings());
    }

    public LiveRig(LiveSettings settings) {
        SessionCompanions companions = new SessionCompanions(companionList);
        PublishedCounts counts = new PublishedCounts();

        sweeper.store = store;
        sweeper.bus = bus;
        sweeper.history = history;
        sweeper.settings = settings;
        sweeper.clock = clock;
        sweeper.companions = companions;
        sweeper.publishedCounts = counts;
        StageAirtime airtime = new StageAirtime();
        airtime.bus = bus;
        airtime.store = store;
        sweeper.airtime = airtime;

        booth.store = store;
        booth.bus = bus;
        booth.history = history;
        booth.archive = new LiveFixtures.EmptyArchive();
        booth.settings = settings;
        booth.clock = clock;
        booth.companions = companions;
        booth.sweeper = sweeper;
        booth.shadowBans = shadowBans;
        booth.airtime = airtime;

        audience.store = store;
        audience.bus = bus;
        audience.settings = settings;
        audience.clock = clock;
        audience.companions = companions;
        audience.booth = booth;
        audience.publishedCounts = counts;
        audience.airtime = airtime;
        audience.signedIn = new SignedInConnections();

        sessions.store = store;
        sessions.settings = settings;
        sessions.rateLimits = rateLimits;
        sessions.clock = clock;
        sessions.companions = companions;
        sessions.audience = audience;
    }

    /** A phone connects (and waits in the lobby). */
    public Phone connect(String clientId) {
        Phone phone = new Phone(clientId);
        audience.connected(phone);
        return phone;
    }

    /** A DJ app connects and goes live with the session. */
    public Phone goLive(String sessionId) {
        Phone dj = connect(null);
        var outcome = booth.register(dj.caller(), sessionId, "DJ Test", null, "0.3.0");
        if (!outcome.accepted()) {
            throw new IllegalStateException("not live: " + outcome.refusal());
        }
        return dj;
    }

    /** A dancer connects and follows the session. */
    public Phone follow(String sessionId, String clientId) {
        Phone dancer = connect(clientId);
        audience.subscribe(dancer.caller(), sessionId);
        return dancer;
    }
}
