package stream.pika.platform.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Maps every {@link Instant} attribute to a {@code timestamptz} column. EclipseLink 4.0 would
 * otherwise serialise an Instant into bytes; an OffsetDateTime in UTC it binds as a timestamp.
 */
@Converter(autoApply = true)
public class UtcInstants implements AttributeConverter<Instant, OffsetDateTime> {

    @Override
    public OffsetDateTime convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public Instant convertToEntityAttribute(OffsetDateTime stored) {
        return stored == null ? null : stored.toInstant();
    }

    /** A {@code timestamptz} column of a native query (the driver gives a Timestamp or an OffsetDateTime). */
    public static Instant fromColumn(Object column) {
        if (column == null) {
            return null;
        }
        if (column instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (column instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + column.getClass());
    }
}
