package stream.pika.web.ws;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import stream.pika.platform.entity.WireFormat;
import stream.pika.web.input.JsonInput;
import stream.pika.web.input.WireTypes;

import java.lang.annotation.ElementType;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a text frame into a validated message record, or says what is wrong with it. The
 * {@code messageId} is recovered even from an invalid message, so the sender can get a NACK.
 */
@ApplicationScoped
public class ClientMessageCodec {

    /** The message types this server understands, and their records. */
    static final Map<String, Class<?>> TYPES = Map.ofEntries(
            Map.entry("REGISTER_SESSION", ClientMessages.RegisterSession.class),
            Map.entry("BROADCAST_TRACK", ClientMessages.BroadcastTrack.class),
            Map.entry("METADATA_UPDATED", ClientMessages.MetadataUpdated.class),
            Map.entry("TRACK_STOPPED", ClientMessages.TrackStopped.class),
            Map.entry("END_SESSION", ClientMessages.EndSession.class),
            Map.entry("SUBSCRIBE", ClientMessages.Subscribe.class),
            Map.entry("SUBSCRIBE_STAGE", ClientMessages.SubscribeStage.class),
            Map.entry("AUTHENTICATE", ClientMessages.Authenticate.class),
            Map.entry("WATCH_EVENT", ClientMessages.WatchEvent.class),
            Map.entry("SEND_EVENT_ANNOUNCEMENT", ClientMessages.SendEventAnnouncement.class),
            Map.entry("GET_SESSIONS", ClientMessages.GetSessions.class),
            Map.entry("PING", ClientMessages.Ping.class),
            Map.entry("VALIDATE_SESSION", ClientMessages.ValidateSession.class),
            Map.entry("SEND_LIKE", ClientMessages.SendLike.class),
            Map.entry("SEND_BULK_LIKE", ClientMessages.SendBulkLike.class),
            Map.entry("REMOVE_LIKE", ClientMessages.RemoveLike.class),
            Map.entry("SEND_REACTION", ClientMessages.SendReaction.class),
            Map.entry("SEND_TEMPO_REQUEST", ClientMessages.SendTempoRequest.class),
            Map.entry("START_POLL", ClientMessages.StartPoll.class),
            Map.entry("END_POLL", ClientMessages.EndPoll.class),
            Map.entry("CANCEL_POLL", ClientMessages.CancelPoll.class),
            Map.entry("VOTE_ON_POLL", ClientMessages.VoteOnPoll.class),
            Map.entry("SEND_ANNOUNCEMENT", ClientMessages.SendAnnouncement.class),
            Map.entry("CANCEL_ANNOUNCEMENT", ClientMessages.CancelAnnouncement.class));

    /**
     * A decoded frame: the message (null when invalid) or the problem, and the envelope.
     *
     * @param messageId the frame's {@code messageId} if it had a usable one, even when invalid
     */
    public record Decoded(String type, Object message, String messageId, String clientId, String version, String problem) {
        public boolean valid() {
            return problem == null;
        }
    }

    @Inject
    ValidatorFactory validators;

    private Validator validator;

    /**
     * Messages are records, never JPA entities: without this, Hibernate Validator asks the JPA
     * provider whether every property is loaded (a provider lookup per property and message,
     * most of what decoding a DJ's track cost).
     */
    @PostConstruct
    void start() {
        validator = validators.usingContext().traversableResolver(new EverythingReachable()).getValidator();
    }

    private static final class EverythingReachable implements TraversableResolver {
        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> beanType, Path pathToProperty, ElementType type) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> beanType, Path pathToProperty, ElementType type) {
            return true;
        }
    }

    public Decoded decode(String text) {
        JsonInput.Read read = JsonInput.object(text);
        String messageId = usableMessageId(read.messageId());
        if (!read.valid()) {
            return invalid(null, messageId, read.problem());
        }
        JsonObject frame = read.object();
        String type = text(frame, "type").orElse(null);
        if (type == null) {
            return invalid(null, messageId, frame.containsKey("type") ? "type must be a string" : "missing type");
        }
        Class<?> kind = TYPES.get(type);
        if (kind == null) {
            return invalid(type, messageId, "unknown type " + abbreviate(type));
        }
        Optional<String> mistyped = WireTypes.mismatch(frame, ClientMessages.Envelope.class, kind);
        if (mistyped.isPresent()) {
            return invalid(type, messageId, mistyped.get());
        }
        ClientMessages.Envelope envelope;
        Object message;
        try {
            envelope = WireFormat.fromJson(text, ClientMessages.Envelope.class);
            message = WireFormat.fromJson(text, kind);
        } catch (JsonbException | ClassCastException e) {
            return invalid(type, messageId, "a field has the wrong type");
        }
        String problem = firstViolation(envelope).or(() -> firstViolation(message)).orElse(null);
        if (problem != null) {
            return invalid(type, messageId, problem);
        }
        return new Decoded(type, message, messageId, envelope.clientId(), envelope.version(), null);
    }

    private static String usableMessageId(String messageId) {
        return messageId != null && !messageId.isEmpty() && messageId.length() <= 128 ? messageId : null;
    }

    private Optional<String> firstViolation(Object message) {
        Set<ConstraintViolation<Object>> violations = validator.validate(message);
        return violations.stream()
                .map(v -> v.getPropertyPath() + " " + v.getMessage())
                .min(Comparator.naturalOrder());
    }

    private static Optional<String> text(JsonObject frame, String field) {
        JsonValue value = frame.get(field);
        return value instanceof JsonString string ? Optional.of(string.getString()) : Optional.empty();
    }

    private static Decoded invalid(String type, String messageId, String problem) {
        return new Decoded(type, null, messageId, null, null, problem);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
