package stream.pika.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import stream.pika.identity.boundary.DjAccounts;
import stream.pika.identity.entity.Roles;
import stream.pika.platform.entity.CharLength;
import stream.pika.platform.entity.Quota;
import stream.pika.push.boundary.PushNotifications;
import stream.pika.push.boundary.PushSubscriptions;
import stream.pika.push.entity.PushPayload;
import stream.pika.push.entity.PushReport;
import stream.pika.push.entity.SubscriptionRequest;

import java.util.concurrent.CompletionStage;

/**
 * Web Push for phones: {@code GET /api/push/vapid-public-key}, {@code POST /api/push/subscribe}
 * (bound to a session) and {@code POST /api/push/unsubscribe}, 5 calls a minute per client IP;
 * {@code POST /api/push/send} for a DJ's own session.
 */
@Path("push")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PushResource {

    public record PublicKey(String publicKey) {
    }

    public record Done(boolean success) {
    }

    public record Unsubscription(@NotNull(message = "endpoint is required") @CharLength(max = 2048) String endpoint) {
    }

    /** {@code POST /api/push/send}: the original's body; {@code filter} "debug" (default) reaches 5 phones. */
    public record SendRequest(
            @NotNull(message = "payload is required") JsonValue payload,
            @Pattern(regexp = "all|debug", message = "filter must be \"all\" or \"debug\"") String filter) {

        PushNotifications.Audience audience() {
            return "all".equals(filter) ? PushNotifications.Audience.ALL : PushNotifications.Audience.DEBUG;
        }
    }

    public record Sent(boolean success, PushReport stats) {
    }

    @Inject
    PushSubscriptions subscriptions;

    @Inject
    PushNotifications notifications;

    @Inject
    DjAccounts accounts;

    @GET
    @Path("vapid-public-key")
    public PublicKey publicKey() {
        return new PublicKey(subscriptions.publicKey());
    }

    @POST
    @Path("subscribe")
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimited(Quota.PUSH_SUBSCRIBE)
    @PikaClientRequired
    public Done subscribe(@NotNull(message = JsonBodyReading.BODY_REQUIRED) @Valid SubscriptionRequest request) {
        subscriptions.subscribe(request);
        return new Done(true);
    }

    /**
     * A DJ's own push to the phones subscribed to the DJ's live session (the original hashed
     * nothing here and pushed to everyone). Answers when every push is settled.
     */
    @POST
    @Path("send")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DJ)
    public CompletionStage<Sent> send(@NotNull(message = JsonBodyReading.BODY_REQUIRED) @Valid SendRequest request) {
        PushPayload payload = PushPayload.given(request.payload());
        return notifications.sendAsDj(accounts.currentDj().id(), payload, request.audience())
                .thenApply(report -> new Sent(true, report));
    }

    @POST
    @Path("unsubscribe")
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimited(Quota.PUSH_SUBSCRIBE)
    @PikaClientRequired
    public Done unsubscribe(@NotNull(message = JsonBodyReading.BODY_REQUIRED) @Valid Unsubscription request) {
        subscriptions.unsubscribe(request.endpoint());
        return new Done(true);
    }
}
