package stream.pika.interactions.control;

import stream.pika.platform.control.TopicBus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** The interaction controls a boundary test needs, without a container or a database. */
public final class InteractionFixtures {

    private InteractionFixtures() {
    }

    public static InteractionSettings settings() {
        InteractionSettings s = new InteractionSettings();
        s.tempoVoteLife = Duration.ofMinutes(5);
        s.maxPendingLikes = 1000;
        return s;
    }

    /** TEMPO_FEEDBACK unpaced: every vote's counts go out at once (the pacing has its own IT). */
    public static TempoFeedbackPacer unpaced(TopicBus bus, InteractionStore store, InteractionSettings settings, Clock clock) {
        TempoFeedbackPacer pacer = new TempoFeedbackPacer();
        pacer.bus = bus;
        pacer.store = store;
        pacer.settings = settings;
        pacer.clock = clock;
        pacer.interval = Duration.ZERO;
        return pacer;
    }

    /** Poll ids as the database sequence would hand them out. */
    public static final class SequencePollIds extends PollIds {
        private final AtomicLong next = new AtomicLong(1);

        @Override
        public Optional<Long> take() {
            return Optional.of(next.getAndIncrement());
        }
    }

    /** End timers a test fires by hand when its clock has passed them. */
    public static final class ManualTimers extends EndTimers {
        private record Timer(Instant when, Runnable task) {
        }

        private final List<Timer> timers = new ArrayList<>();

        @Override
        public void at(Instant when, Runnable task) {
            timers.add(new Timer(when, task));
        }

        /** Runs the timers due at {@code now}, in time order. */
        public void fireUntil(Instant now) {
            List<Timer> due = timers.stream().filter(t -> !t.when().isAfter(now))
                    .sorted((a, b) -> a.when().compareTo(b.when())).toList();
            timers.removeAll(due);
            due.forEach(t -> t.task().run());
        }
    }
}
