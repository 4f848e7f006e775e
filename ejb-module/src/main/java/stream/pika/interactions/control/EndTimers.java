package stream.pika.interactions.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The timers that end a poll or take an announcement down on time, on this node. They are a
 * convenience: the periodic sweep ends whatever a lost timer (a node that died) left running.
 */
@ApplicationScoped
public class EndTimers {

    /** A timer may fire a hair early; the tasks check the time themselves. */
    private static final long SLACK_MILLIS = 20;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Clock clock;

    /** Runs the task just after the instant. */
    public void at(Instant when, Runnable task) {
        scheduler.schedule(task, Duration.between(clock.instant(), when).toMillis() + SLACK_MILLIS, TimeUnit.MILLISECONDS);
    }
}
