package stream.pika.web.rest;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Routes every failure to {@link ErrorResponses}. The second mapper exists only because the
 * runtime brings its own mapper for validation errors, which a mapper of Throwable would not beat.
 */
final class ErrorMappers {

    private ErrorMappers() {
    }

    @Provider
    public static class AnyFailure implements ExceptionMapper<Throwable> {

        @Inject
        ErrorResponses errors;

        @Override
        public Response toResponse(Throwable failure) {
            return errors.of(failure);
        }
    }

    @Provider
    public static class InvalidInput implements ExceptionMapper<ConstraintViolationException> {

        @Inject
        ErrorResponses errors;

        @Override
        public Response toResponse(ConstraintViolationException failure) {
            return errors.of(failure);
        }
    }
}
