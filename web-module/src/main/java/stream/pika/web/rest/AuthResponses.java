package stream.pika.web.rest;

import stream.pika.identity.entity.DjProfile;

/** The JSON shapes of {@code /api/auth/*}, as the desktop app and the web expect them. */
public final class AuthResponses {

    private AuthResponses() {
    }

    /** Register and login: the DJ and the token shown once. */
    public record SignedIn(boolean success, DjProfile user, String token) {
    }

    /** {@code GET /api/auth/me}. */
    public record Me(boolean success, DjProfile user) {
    }

    /** {@code POST /api/auth/regenerate-token}. */
    public record NewToken(boolean success, String token) {
    }
}
