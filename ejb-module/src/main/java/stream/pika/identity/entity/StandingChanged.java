package stream.pika.identity.entity;

/**
 * An admin changed an account's roles or suspended it: whoever holds open connections of that
 * account (a DJ's live set) checks it again. Fired inside the admin's transaction; observe it
 * after the transaction succeeds.
 */
public record StandingChanged(long userId) {
}
