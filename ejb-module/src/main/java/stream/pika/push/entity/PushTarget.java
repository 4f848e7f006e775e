package stream.pika.push.entity;

/**
 * Where one push goes: a subscription's endpoint and the browser's keys (base64url).
 */
public record PushTarget(String endpoint, String p256dh, String auth) {

    public static PushTarget of(PushSubscription subscription) {
        return new PushTarget(subscription.endpoint(), subscription.p256dh(), subscription.auth());
    }
}
