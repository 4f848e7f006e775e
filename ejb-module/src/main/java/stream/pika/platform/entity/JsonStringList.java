package stream.pika.platform.entity;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import stream.pika.platform.entity.WireFormat;

import java.io.StringReader;
import java.util.List;

/**
 * Stores a list of strings as a JSON array (json/jsonb columns such as poll options). The driver
 * reads jsonb as a {@code PGobject}, hence {@code Object}: its text is the JSON.
 */
@Converter
public class JsonStringList implements AttributeConverter<List<String>, Object> {

    @Override
    public String convertToDatabaseColumn(List<String> values) {
        if (values == null) {
            return null;
        }
        JsonArrayBuilder array = WireFormat.jsonp().createArrayBuilder();
        values.forEach(array::add);
        return array.build().toString();
    }

    @Override
    public List<String> convertToEntityAttribute(Object stored) {
        if (stored == null) {
            return null;
        }
        try (JsonReader reader = WireFormat.jsonp().createReader(new StringReader(stored.toString()))) {
            return reader.readArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
    }
}
