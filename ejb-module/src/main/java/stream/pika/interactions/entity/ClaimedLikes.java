package stream.pika.interactions.entity;

/** The answer to a claim: how many of the device's likes the account now holds. */
public record ClaimedLikes(String clientId, int claimed) {
}
