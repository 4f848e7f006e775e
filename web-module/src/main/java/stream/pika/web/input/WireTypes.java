package stream.pika.web.input;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds a JSON object to the types of the records it will become, as strictly as the contract's
 * schemas: a string where a string is expected (JSON-B would read {@code 123} as {@code "123"}),
 * a whole number where an integer is, {@code true}/{@code false} for a boolean (JSON-B reads
 * {@code "<script>"} as false), an array or an object where those are. {@code null} counts as
 * absent; fields the records do not name are ignored (newer clients may send more).
 */
public final class WireTypes {

    private static final Map<Class<?>, RecordComponent[]> COMPONENTS = new ConcurrentHashMap<>();

    private WireTypes() {
    }

    /** The first field of {@code object} whose JSON type does not fit the records, as a message. */
    public static Optional<String> mismatch(JsonObject object, Class<?>... records) {
        for (Class<?> record : records) {
            Optional<String> problem = mismatch(object, record, "");
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> mismatch(JsonObject object, Class<?> record, String path) {
        for (RecordComponent component : COMPONENTS.computeIfAbsent(record, Class::getRecordComponents)) {
            JsonValue value = object.get(component.getName());
            if (value != null && value.getValueType() != JsonValue.ValueType.NULL) {
                Optional<String> problem = mismatch(value, component.getGenericType(), path + component.getName());
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> mismatch(JsonValue value, Type type, String path) {
        if (type instanceof ParameterizedType generic && generic.getRawType() == List.class) {
            if (!(value instanceof JsonArray array)) {
                return wrong(path, "an array");
            }
            Type element = generic.getActualTypeArguments()[0];
            for (int i = 0; i < array.size(); i++) {
                JsonValue item = array.get(i);
                if (item.getValueType() == JsonValue.ValueType.NULL) {
                    continue; // left to Bean Validation (@NotNull elements)
                }
                Optional<String> problem = mismatch(item, element, path + "[" + i + "]");
                if (problem.isPresent()) {
                    return problem;
                }
            }
            return Optional.empty();
        }
        if (!(type instanceof Class<?> kind)) {
            return Optional.empty();
        }
        if (kind == String.class) {
            return value.getValueType() == JsonValue.ValueType.STRING ? Optional.empty() : wrong(path, "a string");
        }
        if (kind == Boolean.class || kind == boolean.class) {
            return value.getValueType() == JsonValue.ValueType.TRUE || value.getValueType() == JsonValue.ValueType.FALSE
                    ? Optional.empty() : wrong(path, "true or false");
        }
        if (kind == Integer.class || kind == int.class || kind == Long.class || kind == long.class) {
            return value instanceof JsonNumber number && number.isIntegral() && fits(number.bigDecimalValue(), kind)
                    ? Optional.empty() : wrong(path, "a whole number");
        }
        if (kind == BigDecimal.class || kind == Double.class || kind == double.class) {
            return value instanceof JsonNumber ? Optional.empty() : wrong(path, "a number");
        }
        if (kind.isRecord()) {
            return value instanceof JsonObject object ? mismatch(object, kind, path + ".") : wrong(path, "an object");
        }
        return Optional.empty();
    }

    private static boolean fits(BigDecimal number, Class<?> kind) {
        try {
            if (kind == Integer.class || kind == int.class) {
                number.intValueExact();
            } else {
                number.longValueExact();
            }
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    private static Optional<String> wrong(String path, String expected) {
        return Optional.of(path + " must be " + expected);
    }
}
