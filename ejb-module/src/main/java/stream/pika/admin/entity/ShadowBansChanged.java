package stream.pika.admin.entity;

/** A shadow ban was added or lifted: fired in the admin's transaction, acted on once it commits. */
public record ShadowBansChanged() {
}
