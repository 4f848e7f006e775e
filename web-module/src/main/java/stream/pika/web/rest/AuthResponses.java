package stream.pika.web.rest;

import stream.pika.identity.entity.ApplicationView;
import stream.pika.identity.entity.DjProfile;

import java.util.List;

/** The JSON shapes of {@code /api/auth/*}, as the desktop app and the web expect them. */
public final class AuthResponses {

    private AuthResponses() {
    }

    /** Register and login: the DJ and the token shown once. */
    public record SignedIn(boolean success, DjProfile user, String token) {
    }

    /**
     * {@code GET /api/auth/me}: the account, its roles and status, and its newest organizer
     * application if it ever applied.
     */
    public record Me(boolean success, DjProfile user, List<String> roles, String status, ApplicationView organizerApplication) {
    }

    /** {@code POST /api/auth/register/organizer} and {@code /api/me/organizer-application}. */
    public record Applied(boolean success, String status, ApplicationView application) {
    }

    /** {@code POST /api/auth/regenerate-token}. */
    public record NewToken(boolean success, String token) {
    }
}
