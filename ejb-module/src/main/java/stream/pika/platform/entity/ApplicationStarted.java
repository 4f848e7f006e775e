package stream.pika.platform.entity;

/** CDI event: the application serves (its schema is migrated, its startup beans and web module started). */
public record ApplicationStarted() {
}
