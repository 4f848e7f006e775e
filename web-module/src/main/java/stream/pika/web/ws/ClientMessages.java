package stream.pika.web.ws;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import stream.pika.live.entity.TrackInfo;

/**
 * The client-to-server messages of protocol v0.3.0 with the contract's limits (section 1.3).
 * Each record holds the fields of its type; the envelope ({@code messageId}, {@code clientId},
 * {@code version}) is read by {@link ClientMessageCodec} for every type alike.
 */
public final class ClientMessages {

    private ClientMessages() {
    }

    static String strip(String text) {
        return text == null ? null : text.strip();
    }

    /** Fields every client message may carry. */
    public record Envelope(
            @Size(max = 128) String messageId,
            @Size(min = 1, max = 256) String clientId,
            @Pattern(regexp = "0\\.3\\.0", message = "must be 0.3.0") String version) {
        /** An empty client id is no client id (the original ignores falsy ones). */
        public Envelope {
            clientId = clientId == null || clientId.isBlank() ? null : clientId;
        }
    }

    public record RegisterSession(
            @Size(min = 8, max = 64) String sessionId,
            @Size(min = 1, max = 100) @Pattern(regexp = "[^<>\"']*", message = "must not contain < > \" or '") String djName,
            @Size(max = 2000) String token) {
        public RegisterSession {
            sessionId = strip(sessionId);
            djName = strip(djName);
        }
    }

    public record BroadcastTrack(@NotNull @Size(min = 8, max = 64) String sessionId, @NotNull @Valid TrackInfo track) {
        public BroadcastTrack {
            sessionId = strip(sessionId);
        }
    }

    public record MetadataUpdated(@NotNull @Size(min = 8, max = 64) String sessionId, @NotNull @Valid TrackInfo track) {
        public MetadataUpdated {
            sessionId = strip(sessionId);
        }
    }

    public record TrackStopped(@NotNull @Size(min = 8, max = 64) String sessionId) {
        public TrackStopped {
            sessionId = strip(sessionId);
        }
    }

    public record EndSession(@NotNull @Size(min = 8, max = 64) String sessionId) {
        public EndSession {
            sessionId = strip(sessionId);
        }
    }

    public record Subscribe(@Size(min = 8, max = 64) String sessionId, @Size(min = 8, max = 256) String clientId) {
        public Subscribe {
            sessionId = strip(sessionId);
        }
    }

    public record GetSessions() {
    }

    public record Ping() {
    }

    public record ValidateSession(@NotNull @Size(min = 8, max = 64) String sessionId) {
        public ValidateSession {
            sessionId = strip(sessionId);
        }
    }
}
