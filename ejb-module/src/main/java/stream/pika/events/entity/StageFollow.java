package stream.pika.events.entity;

/** A device follows a stage (of an event); {@code push} when announcements also reach it as pushes. */
public record StageFollow(long stageId, long eventId, String clientId, boolean push) {
}
