package stream.pika.web.ws;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import stream.pika.live.entity.TrackInfo;
import stream.pika.platform.entity.CharLength;
import stream.pika.platform.entity.TextRules;

import java.util.List;

/**
 * The client-to-server messages of protocol v0.3.0 with the contract's limits (section 1.3).
 * Each record holds the fields of its type; the envelope ({@code messageId}, {@code clientId},
 * {@code version}) is read by {@link ClientMessageCodec} for every type alike.
 */
public final class ClientMessages {

    private ClientMessages() {
    }

    /** Ids name topics and keys: no control characters (a line break would split the bus's envelope). */
    static final String NO_CONTROLS = TextRules.NO_CONTROLS;
    static final String NO_CONTROLS_MESSAGE = TextRules.NO_CONTROLS_MESSAGE;

    static String strip(String text) {
        return text == null ? null : text.strip();
    }

    /** Fields every client message may carry. */
    public record Envelope(
            @CharLength(max = 128) String messageId,
            @CharLength(min = 1, max = 256) String clientId,
            @Pattern(regexp = "0\\.3\\.0", message = "must be 0.3.0") String version) {
        /** An empty client id is no client id (the original ignores falsy ones). */
        public Envelope {
            clientId = clientId == null || clientId.isBlank() ? null : clientId;
        }
    }

    public record RegisterSession(
            @CharLength(min = 8, max = 64) @Pattern(regexp = NO_CONTROLS, message = NO_CONTROLS_MESSAGE) String sessionId,
            @CharLength(min = 1, max = 100) @Pattern(regexp = "[^<>\"']*", message = "must not contain < > \" or '") String djName,
            @CharLength(max = 2000) String token,
            @Positive Long stageId) {
        public RegisterSession {
            sessionId = strip(sessionId);
            djName = strip(djName);
        }
    }

    public record BroadcastTrack(@NotNull @CharLength(min = 8, max = 64) @Pattern(regexp = NO_CONTROLS, message = NO_CONTROLS_MESSAGE) String sessionId, @NotNull @Valid TrackInfo track) {
        public BroadcastTrack {
            sessionId = strip(sessionId);
        }
    }

    public record MetadataUpdated(@NotNull @CharLength(min = 8, max = 64) @Pattern(regexp = NO_CONTROLS, message = NO_CONTROLS_MESSAGE) String sessionId, @NotNull @Valid TrackInfo track) {
        public MetadataUpdated {
            sessionId = strip(sessionId);
        }
    }

    public record TrackStopped(@NotNull @CharLength(min = 8, max = 64) @Pattern(regexp = NO_CONTROLS, message = NO_CONTROLS_MESSAGE) String sessionId) {
        public TrackStopped {
            sessionId = strip(sessionId);
        }
    }

    public record EndSession(@NotNull @CharLength(min = 8, max = 64) @Pattern(regexp = NO_CONTROLS, message = NO_CONTROLS_MESSAGE) String sessionId) {
        public EndSession {
            sessionId = strip(sessionId);
        }
    }

    public record Subscribe(@CharLength(min = 8, max = 64) @Pattern(regexp = NO_CONTROLS, message = NO_CONTROLS_MESSAGE) String sessionId, @CharLength(min = 8, max = 256) String clientId) {
        public Subscribe {
            sessionId = strip(sessionId);
        }
    }

    /** Follows a stage, whoever plays on it (new in 0.4; the client id as SUBSCRIBE's, 8–256 characters). */
    public record SubscribeStage(@NotNull @Positive Long stageId, @CharLength(min = 8, max = 256) String clientId) {
    }

    /** Says which account this connection acts for (an organizer's dashboard, say): a token as the DJ app's. */
    public record Authenticate(@NotNull @CharLength(min = 10, max = 2000) String token) {
    }

    /** An organizer's announcement to every follower of the event's stages (as {@code POST /api/events/{id}/announcements}). */
    public record SendEventAnnouncement(@NotNull @Positive Long eventId,
                                        @NotNull @CharLength(min = 1, max = 500) String message,
                                        @Pattern(regexp = "info|warning|urgent", message = "must be info, warning or urgent") String priority,
                                        Boolean push) {
    }

    /** An organizer's dashboard watches its event: every schedule change, booking and announcement (new in 0.4). */
    public record WatchEvent(@NotNull @Positive Long eventId) {
    }

    public record GetSessions() {
    }

    public record Ping() {
    }

    public record ValidateSession(@NotNull @CharLength(min = 8, max = 64) @Pattern(regexp = NO_CONTROLS, message = NO_CONTROLS_MESSAGE) String sessionId) {
        public ValidateSession {
            sessionId = strip(sessionId);
        }
    }

    // ---- interactions

    public record LikePayload(@NotNull @Valid TrackInfo track) {
    }

    public record SendLike(@CharLength(min = 8, max = 64) @Pattern(regexp = NO_CONTROLS, message = NO_CONTROLS_MESSAGE) String sessionId, @NotNull @Valid LikePayload payload) {
        public SendLike {
            sessionId = strip(sessionId);
        }
    }

    public record BulkLikePayload(@NotNull @Size(min = 1, max = 100) List<@NotNull @Valid TrackInfo> tracks) {
    }

    public record SendBulkLike(@CharLength(min = 8, max = 64) @Pattern(regexp = NO_CONTROLS, message = NO_CONTROLS_MESSAGE) String sessionId, @NotNull @Valid BulkLikePayload payload) {
        public SendBulkLike {
            sessionId = strip(sessionId);
        }
    }

    public record RemoveLike(@CharLength(min = 8, max = 64) @Pattern(regexp = NO_CONTROLS, message = NO_CONTROLS_MESSAGE) String sessionId, @NotNull @Valid LikePayload payload) {
        public RemoveLike {
            sessionId = strip(sessionId);
        }
    }

    public record SendReaction(@NotNull @CharLength(min = 8, max = 64) @Pattern(regexp = NO_CONTROLS, message = NO_CONTROLS_MESSAGE) String sessionId,
                               @NotNull @Pattern(regexp = "thank_you", message = "must be thank_you") String reaction) {
        public SendReaction {
            sessionId = strip(sessionId);
        }
    }

    public record SendTempoRequest(@NotNull @CharLength(min = 8, max = 64) @Pattern(regexp = NO_CONTROLS, message = NO_CONTROLS_MESSAGE) String sessionId,
                                   @NotNull @Pattern(regexp = "faster|slower|perfect|clear",
                                           message = "must be faster, slower, perfect or clear") String preference) {
        public SendTempoRequest {
            sessionId = strip(sessionId);
        }
    }

    public record StartPoll(@NotNull @CharLength(min = 8, max = 64) @Pattern(regexp = NO_CONTROLS, message = NO_CONTROLS_MESSAGE) String sessionId,
                            @NotBlank @CharLength(max = 500) String question,
                            @NotNull @Size(min = 2, max = 10) List<@NotBlank @CharLength(max = 100) String> options,
                            @Min(30) @Max(300) Integer durationSeconds) {
        public StartPoll {
            sessionId = strip(sessionId);
            question = strip(question);
            options = options == null ? null : options.stream().map(ClientMessages::strip).toList();
        }
    }

    public record EndPoll(@NotNull @Positive Long pollId) {
    }

    /** The desktop sends only the {@code sessionId} when it does not know the poll id yet. */
    public record CancelPoll(@Positive Long pollId, @CharLength(min = 8, max = 64) @Pattern(regexp = NO_CONTROLS, message = NO_CONTROLS_MESSAGE) String sessionId) {
        public CancelPoll {
            sessionId = strip(sessionId);
        }

        @AssertTrue(message = "pollId or sessionId is required")
        public boolean isTargetNamed() {
            return pollId != null || sessionId != null;
        }
    }

    public record VoteOnPoll(@NotNull @Positive Long pollId, @NotNull @Min(0) @Max(9) Integer optionIndex,
                             @NotNull @CharLength(min = 1, max = 256) String clientId) {
    }

    public record SendAnnouncement(@NotNull @CharLength(min = 8, max = 64) @Pattern(regexp = NO_CONTROLS, message = NO_CONTROLS_MESSAGE) String sessionId,
                                   @NotBlank @CharLength(max = 200) String message,
                                   @Min(60) @Max(3600) Integer durationSeconds,
                                   Boolean push) {
        public SendAnnouncement {
            sessionId = strip(sessionId);
            message = strip(message);
        }
    }

    public record CancelAnnouncement(@NotNull @CharLength(min = 8, max = 64) @Pattern(regexp = NO_CONTROLS, message = NO_CONTROLS_MESSAGE) String sessionId) {
        public CancelAnnouncement {
            sessionId = strip(sessionId);
        }
    }
}
