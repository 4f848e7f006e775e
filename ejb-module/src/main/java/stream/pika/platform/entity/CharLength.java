package stream.pika.platform.entity;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Repeatable;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text's length in characters as PostgreSQL's {@code char_length} counts them (code points:
 * {@code "😀"} is one, where {@code @Size} counts two UTF-16 units), and no NUL, which PostgreSQL
 * refuses in text. {@code null} is valid (say {@code @NotNull} where a value is required).
 */
@Documented
@Constraint(validatedBy = CharLength.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Repeatable(CharLength.List.class)
public @interface CharLength {

    int min() default 0;

    int max() default Integer.MAX_VALUE;

    String message() default "size must be between {min} and {max}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Several lengths with their own messages (at least, at most). */
    @Documented
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
    @Retention(RetentionPolicy.RUNTIME)
    @interface List {
        CharLength[] value();
    }

    final class Validator implements ConstraintValidator<CharLength, CharSequence> {
        private int min;
        private int max;

        @Override
        public void initialize(CharLength constraint) {
            min = constraint.min();
            max = constraint.max();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (value.chars().anyMatch(c -> c == 0)) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("must not contain NUL characters").addConstraintViolation();
                return false;
            }
            long length = value.codePoints().count();
            return length >= min && length <= max;
        }
    }
}
