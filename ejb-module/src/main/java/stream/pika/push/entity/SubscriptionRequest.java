package stream.pika.push.entity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import stream.pika.platform.entity.CharLength;

/**
 * {@code POST /api/push/subscribe}: what the browser's {@code PushManager.subscribe} gave the web
 * app, with the session whose announcements the phone wants. Keys come in standard base64 (as
 * the web app sends them) or base64url.
 */
public record SubscriptionRequest(
        @NotBlank(message = "endpoint is required") @CharLength(max = 2048, message = "endpoint is too long") String endpoint,
        @NotNull(message = "keys are required") @Valid Keys keys,
        @CharLength(min = 8, max = 256, message = "clientId must be 8 to 256 characters") String clientId,
        @CharLength(min = 8, max = 64, message = "sessionId must be 8 to 64 characters") String sessionId) {

    public record Keys(
            @NotBlank(message = "keys.p256dh is required") @Pattern(regexp = "[A-Za-z0-9+/_-]{86,88}={0,2}",
                    message = "keys.p256dh must be a 65-byte P-256 key in base64") String p256dh,
            @NotBlank(message = "keys.auth is required") @Pattern(regexp = "[A-Za-z0-9+/_-]{22}={0,2}",
                    message = "keys.auth must be a 16-byte secret in base64") String auth) {
    }
}
