package stream.pika.interactions.entity;

import stream.pika.live.entity.Caller;

/**
 * Who made a like, as it is stored: the device's client id always, the account when the dancer
 * was signed in (null: anonymous), and the hash of the browser's device cookie (null: none).
 */
public record Liker(String clientId, Long accountId, String device) {

    public static Liker of(Caller caller) {
        return new Liker(caller.clientId(), caller.accountId(), caller.device());
    }

    /** The same dancer: the same account, or (both anonymous) the same client id. */
    public boolean sameAs(Liker other) {
        return accountId != null ? accountId.equals(other.accountId) : other.accountId == null && clientId.equals(other.clientId);
    }
}
