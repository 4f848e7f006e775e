package stream.pika.events.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import stream.pika.events.entity.AnnouncementMade;
import stream.pika.events.entity.EventAnnouncementReceived;
import stream.pika.platform.control.TopicBus;
import stream.pika.platform.entity.Topic;
import stream.pika.push.boundary.PushNotifications;
import stream.pika.push.entity.PushPayload;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Once an announcement is committed: the event's followers on every node hear it, and the devices get their push. */
@ApplicationScoped
public class AnnouncementNews {

    private static final Logger LOG = Logger.getLogger(AnnouncementNews.class.getName());

    @Inject
    TopicBus bus;

    @Inject
    RecentAnnouncements recent;

    @Inject
    PushNotifications push;

    void made(@Observes(during = TransactionPhase.AFTER_SUCCESS) AnnouncementMade made) {
        EventAnnouncementReceived message = made.message();
        recent.made(message);
        bus.publish(Topic.event(message.eventId()), message, null);
        bus.publish(Topic.eventStaff(message.eventId()), message, null);
        if (made.push() && !made.pushDevices().isEmpty()) {
            String description = "announcement " + message.id() + " of event " + message.eventId();
            push.sendTo(made.pushDevices(), PushPayload.eventAnnouncement(message.eventId(), made.eventName(), message.message(),
                    message.priority()), description).exceptionally(e -> {
                        LOG.log(Level.WARNING, "Push of " + description + " not sent", e);
                        return null;
                    });
        }
    }
}
