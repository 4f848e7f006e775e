package stream.pika.interactions.boundary;

import stream.pika.interactions.control.InMemoryInteractionStore;
import stream.pika.interactions.control.InteractionFixtures;
import stream.pika.interactions.control.InteractionSettings;
import stream.pika.live.boundary.LiveRig;
import stream.pika.platform.control.RecordedWrites;

/** The interaction boundaries wired by hand onto a {@link LiveRig}: in-memory stores, recorded writes, a manual clock. */
final class InteractionRig {

    final LiveRig live = new LiveRig();
    final InMemoryInteractionStore store = new InMemoryInteractionStore();
    final RecordedWrites writes = new RecordedWrites();
    final InteractionFixtures.ManualTimers timers = new InteractionFixtures.ManualTimers();
    final Likes likes = new Likes();
    final TempoVotes tempo = new TempoVotes();
    final Reactions reactions = new Reactions();
    final Polls polls = new Polls();
    final Announcements announcements = new Announcements();

    InteractionRig() {
        InteractionSettings settings = InteractionFixtures.settings();

        likes.sessions = live.sessions;
        likes.audience = live.audience;
        likes.store = store;
        likes.history = writes;
        likes.bus = live.bus;
        likes.rateLimits = live.rateLimits;
        likes.settings = settings;
        likes.clock = live.clock;
        likes.shadowBans = live.shadowBans;

        tempo.audience = live.audience;
        tempo.store = store;
        tempo.history = writes;
        tempo.rateLimits = live.rateLimits;
        tempo.settings = settings;
        tempo.tempoFeedback = InteractionFixtures.unpaced(live.bus, store, settings, live.clock);
        tempo.clock = live.clock;
        tempo.shadowBans = live.shadowBans;

        reactions.audience = live.audience;
        reactions.bus = live.bus;
        reactions.rateLimits = live.rateLimits;
        reactions.shadowBans = live.shadowBans;

        polls.booth = live.booth;
        polls.sessions = live.sessions;
        polls.audience = live.audience;
        polls.store = store;
        polls.history = writes;
        polls.bus = live.bus;
        polls.pollIds = new InteractionFixtures.SequencePollIds();
        polls.timers = timers;
        polls.clock = live.clock;
        polls.shadowBans = live.shadowBans;

        announcements.booth = live.booth;
        announcements.sessions = live.sessions;
        announcements.store = store;
        announcements.bus = live.bus;
        announcements.timers = timers;
        announcements.clock = live.clock;

        InteractionsCompanion companion = new InteractionsCompanion();
        companion.store = store;
        companion.likes = likes;
        companion.tempo = tempo;
        companion.polls = polls;
        companion.announcements = announcements;
        live.companionList.add(companion);
    }
}
