package stream.pika.admin.entity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import stream.pika.platform.entity.CharLength;

/** {@code POST /api/admin/shadow-bans}: {@code userId} or {@code clientId}, and a reason. */
public record BanRequest(
        @Positive(message = "userId must be a user id") Long userId,
        @CharLength(min = 1, max = 256, message = "clientId must be 1 to 256 characters") String clientId,
        @NotBlank(message = "A reason is required") @CharLength(max = 500, message = "Reason must be at most 500 characters") String reason) {

    public static final String ONE_TARGET = "Give a userId or a clientId, not both";
}
