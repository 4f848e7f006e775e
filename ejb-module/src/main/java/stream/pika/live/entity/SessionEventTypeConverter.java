package stream.pika.live.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Locale;

/** Stores {@link SessionEvent.Type} in the lower-case words of the original schema. */
@Converter
public class SessionEventTypeConverter implements AttributeConverter<SessionEvent.Type, String> {

    @Override
    public String convertToDatabaseColumn(SessionEvent.Type type) {
        return type == null ? null : type.stored();
    }

    @Override
    public SessionEvent.Type convertToEntityAttribute(String stored) {
        return stored == null ? null : SessionEvent.Type.valueOf(stored.toUpperCase(Locale.ROOT));
    }
}
