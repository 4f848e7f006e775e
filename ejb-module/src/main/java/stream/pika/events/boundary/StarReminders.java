package stream.pika.events.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import stream.pika.events.entity.DueReminder;
import stream.pika.push.boundary.PushNotifications;
import stream.pika.push.boundary.PushSubscriptions;
import stream.pika.push.entity.PushPayload;
import stream.pika.push.entity.PushTarget;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every {@code pika.reminders.interval} each node claims the starred slots whose reminder is due
 * and pushes them to the dancers' phones. The claim is one UPDATE in the database, so with several
 * nodes each reminder is sent by exactly one of them. A reminder whose push fails is not retried:
 * a late "starts in 10 minutes" is worse than none.
 */
@Singleton
@Startup
public class StarReminders {

    private static final Logger LOG = Logger.getLogger(StarReminders.class.getName());
    private static final int BATCH = 200;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    @Inject
    SlotStars stars;

    @Inject
    PushSubscriptions subscriptions;

    @Inject
    PushNotifications notifications;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "pika.reminders.interval", defaultValue = "PT30S")
    Duration interval;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        long millis = Math.max(200, interval.toMillis());
        task = scheduler.scheduleWithFixedDelay(this::sendDue, millis, millis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void sendDue() {
        try {
            List<DueReminder> due;
            do {
                due = stars.claimDueReminders(BATCH);
                due.forEach(this::send);
            } while (due.size() == BATCH);
        } catch (RuntimeException e) {
            // The database may be away: the stars stay unclaimed and the next round takes them.
            LOG.log(Level.WARNING, "Star reminders not sent this round: " + e.getMessage(), e);
        }
    }

    private void send(DueReminder reminder) {
        Set<String> phones = new LinkedHashSet<>();
        if (reminder.pushEndpoint() != null) {
            phones.add(reminder.pushEndpoint());
        }
        if (reminder.userId() != null) {
            subscriptions.activeOfAccounts(List.of(reminder.userId())).stream().map(PushTarget::endpoint).forEach(phones::add);
        }
        if (phones.isEmpty()) {
            LOG.fine(() -> "Star " + reminder.starId() + " has no phone to remind");
            return;
        }
        String description = "reminder of star " + reminder.starId() + " (" + reminder.slotTitle() + ", event " + reminder.eventId() + ")";
        notifications.sendTo(List.copyOf(phones), payload(reminder), description)
                .whenComplete((report, failure) -> {
                    if (failure != null) {
                        LOG.log(Level.WARNING, "The " + description + " was not sent: " + failure.getMessage());
                    } else {
                        LOG.info(() -> "Sent the " + description + " to " + report.sent() + " of " + phones.size() + " phone(s)");
                    }
                });
    }

    PushPayload payload(DueReminder reminder) {
        long minutes = Math.max(1, (Duration.between(clock.instant(), reminder.startsAt()).getSeconds() + 59) / 60);
        String at = CLOCK.format(reminder.startsAt().atZone(ZoneId.of(reminder.timeZone())));
        String who = reminder.djName() != null ? reminder.djName() + " · " : "";
        return PushPayload.slotReminder(reminder.eventId(), reminder.slotId(),
                "In " + minutes + " min: " + reminder.slotTitle(),
                who + reminder.stageName() + " at " + at + " · " + reminder.eventName());
    }
}
