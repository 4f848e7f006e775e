package stream.pika.events.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import stream.pika.events.entity.ScheduleChanged;
import stream.pika.events.entity.ScheduleMessages;
import stream.pika.platform.control.TopicBus;
import stream.pika.platform.entity.Topic;

/** Tells an event's topic (its followers, its open dashboards) of schedule and booking changes, once committed. */
@ApplicationScoped
public class ScheduleNews {

    @Inject
    TopicBus bus;

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ScheduleChanged change) {
        Object message = change.change() == ScheduleChanged.Change.BOOKING
                ? new ScheduleMessages.BookingUpdated(change.eventId(), change.slot())
                : new ScheduleMessages.ScheduleUpdated(change.eventId(), change.change().value(), change.slot());
        bus.publish(Topic.event(change.eventId()), message, null);
    }
}
