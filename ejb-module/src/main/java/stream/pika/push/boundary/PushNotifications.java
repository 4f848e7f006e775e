package stream.pika.push.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import stream.pika.live.boundary.LiveSessions;
import stream.pika.live.entity.LiveSession;
import stream.pika.platform.entity.PikaException;
import stream.pika.platform.boundary.RateLimits;
import stream.pika.platform.entity.Quota;
import stream.pika.push.control.PushDelivery;
import stream.pika.push.entity.PushPayload;
import stream.pika.push.entity.PushReport;
import stream.pika.push.entity.PushTarget;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Notifies the phones subscribed to a session, and only those (the original pushed every
 * announcement to every subscriber on the platform). Callers never wait for the database or a
 * push service: the work runs on the managed executor.
 */
@ApplicationScoped
public class PushNotifications {

    private static final Logger LOG = Logger.getLogger(PushNotifications.class.getName());
    /** The original's {@code filter: "debug"}: a DJ's test push to a few phones. */
    static final int DEBUG_RECIPIENTS = 5;

    /** Who a DJ's own push goes to. */
    public enum Audience { ALL, DEBUG }

    @Inject
    PushSubscriptions subscriptions;

    @Inject
    PushDelivery delivery;

    @Inject
    LiveSessions sessions;

    @Inject
    RateLimits rateLimits;

    @Resource
    ManagedExecutorService executor;

    /** Most phones one send reaches (the newest subscriptions first). */
    @Inject
    @ConfigProperty(name = "pika.push.max-recipients", defaultValue = "5000")
    int maxRecipients;

    /** The key of the DJ's {@code PUSH_SEND} quota: the account, or the session of an anonymous DJ. */
    public static String senderKey(LiveSession session) {
        return session.djId() != null ? "dj:" + session.djId() : "session:" + session.sessionId();
    }

    /**
     * The one quota check of every push a DJ sends (an announcement with push, {@code POST
     * /api/push/send}): each buzzes a room of phones.
     *
     * @param senderKey {@link #senderKey} of the DJ's session, or {@code "dj:" + id}
     * @throws stream.pika.platform.entity.RateLimitExceeded past the DJ's {@code PUSH_SEND} quota
     */
    public void admit(String senderKey) {
        rateLimits.enforce(Quota.PUSH_SEND, senderKey);
    }

    /** SEND_ANNOUNCEMENT with {@code push: true}: the session's subscribers, in the original's payload. */
    public void announce(String sessionId, String djName, String message) {
        PushPayload payload = PushPayload.announcement(djName, message);
        sendToSessions(List.of(sessionId), payload, maxRecipients, "announcement of session " + sessionId)
                .exceptionally(e -> {
                    LOG.log(Level.WARNING, "Announcement push of session " + sessionId + " not sent", e);
                    return PushReport.none();
                });
    }

    /**
     * {@code POST /api/push/send}: a DJ's own push to the subscribers of the DJ's live session.
     *
     * @throws PikaException CONFLICT when the DJ has no live session
     * @throws stream.pika.platform.entity.RateLimitExceeded past the DJ's {@code PUSH_SEND} quota
     */
    public CompletionStage<PushReport> sendAsDj(long djId, PushPayload payload, Audience audience) {
        admit("dj:" + djId);
        List<String> live = sessions.liveSetsOf(djId).stream().map(LiveSession::sessionId).toList();
        if (live.isEmpty()) {
            throw PikaException.conflict("No live session: pushes go to the dancers of your live session");
        }
        int limit = audience == Audience.DEBUG ? DEBUG_RECIPIENTS : maxRecipients;
        return sendToSessions(live, payload, limit, "of DJ " + djId + " to session(s) " + live);
    }

    /**
     * A push to these devices (an event's followers): looked up and sent off the caller's thread;
     * the report comes when every push is settled.
     */
    public CompletionStage<PushReport> sendTo(List<String> endpoints, PushPayload payload, String description) {
        return CompletableFuture
                .supplyAsync(() -> subscriptions.activeAt(endpoints), executor)
                .thenCompose((List<PushTarget> targets) -> delivery.send(targets, payload, description))
                .thenApplyAsync(this::settled, executor);
    }

    private PushReport settled(PushDelivery.Result result) {
        try {
            subscriptions.markGone(result.gone());
        } catch (RuntimeException e) {
            // Not lost for good: the next send finds them gone again.
            LOG.log(Level.WARNING, "Expired push subscriptions not marked: " + e.getMessage(), e);
        }
        try {
            subscriptions.tally(result.sent(), result.failed());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Push tally not recorded (" + result.sent() + " sent, " + result.failed() + " failed): " + e.getMessage());
        }
        return new PushReport(result.sent(), result.failed(), result.total());
    }

    private CompletableFuture<PushReport> sendToSessions(List<String> sessionIds, PushPayload payload, int limit, String description) {
        return CompletableFuture
                .supplyAsync(() -> subscriptions.activeFor(sessionIds, limit), executor)
                .thenCompose((List<PushTarget> targets) -> delivery.send(targets, payload, description))
                .thenApplyAsync(this::settled, executor);
    }
}
