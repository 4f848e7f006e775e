package stream.pika.events.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import stream.pika.events.entity.ScheduleChanged;
import stream.pika.events.entity.ScheduleMessages;
import stream.pika.events.entity.SlotView;
import stream.pika.platform.control.TopicBus;
import stream.pika.platform.entity.Topic;

/**
 * Tells an event of schedule and booking changes, once committed: its followers (the event's
 * topic) the schedule as the public sees it, its organizers' dashboards (the staff topic) every
 * change in full, bookings included.
 */
@ApplicationScoped
public class ScheduleNews {

    @Inject
    TopicBus bus;

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ScheduleChanged change) {
        if (change.change() == ScheduleChanged.Change.BOOKING) {
            bus.publish(Topic.eventStaff(change.eventId()), new ScheduleMessages.BookingUpdated(change.eventId(), change.slot()), null);
            if (change.slot().forPublic().djId() != null) {
                // a confirmed DJ is news for the followers too ("next up")
                bus.publish(Topic.event(change.eventId()), scheduleUpdated(change, change.slot().forPublic()), null);
            }
            return;
        }
        bus.publish(Topic.eventStaff(change.eventId()), scheduleUpdated(change, change.slot()), null);
        bus.publish(Topic.event(change.eventId()), scheduleUpdated(change, change.slot().forPublic()), null);
    }

    private static ScheduleMessages.ScheduleUpdated scheduleUpdated(ScheduleChanged change, SlotView slot) {
        return new ScheduleMessages.ScheduleUpdated(change.eventId(), change.change().value(), slot);
    }
}
