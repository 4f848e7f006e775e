package stream.pika.web.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * State-changing calls must carry {@code X-Pika-Client} with a known client name. A browser
 * cannot add that header cross-site without a CORS preflight, which makes it a CSRF guard.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface PikaClientRequired {
}
