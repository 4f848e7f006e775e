package stream.pika.web.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import stream.pika.platform.entity.Quota;
import stream.pika.push.boundary.PushSubscriptions;
import stream.pika.push.entity.SubscriptionRequest;

/**
 * Web Push for phones: {@code GET /api/push/vapid-public-key}, {@code POST /api/push/subscribe}
 * (bound to a session) and {@code POST /api/push/unsubscribe}, 5 calls a minute per client IP.
 */
@Path("push")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PushResource {

    public record PublicKey(String publicKey) {
    }

    public record Done(boolean success) {
    }

    public record Unsubscription(@NotNull(message = "endpoint is required") @Size(max = 2048) String endpoint) {
    }

    @Inject
    PushSubscriptions subscriptions;

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
