package stream.pika.web.ws;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import stream.pika.interactions.boundary.Announcements;
import stream.pika.interactions.boundary.Likes;
import stream.pika.interactions.boundary.Polls;
import stream.pika.interactions.boundary.Reactions;
import stream.pika.interactions.boundary.TempoVotes;
import stream.pika.live.boundary.Audience;
import stream.pika.live.boundary.DjBooth;
import stream.pika.live.boundary.LiveSessions;
import stream.pika.live.boundary.SignedInConnections;
import stream.pika.events.entity.AnnouncementRequest;
import stream.pika.live.entity.Caller;
import stream.pika.live.entity.LiveMessages;
import stream.pika.live.entity.Outcome;
import stream.pika.platform.entity.WireFormat;
import stream.pika.web.container.ContainerTuning;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /ws}: protocol v0.3.0. Decodes each frame, hands it to the boundary with the caller's
 * identity, and writes the outcome back: replies, then ACK or NACK when the frame had a
 * {@code messageId}, then a close when the boundary asked for one. Frames over 10 KiB close the
 * connection with 1009; invalid frames get a NACK (or a logged drop without a messageId) and the
 * connection stays open.
 */
@ServerEndpoint(value = "/ws", configurator = LiveEndpoint.OneInstance.class)
@ApplicationScoped
public class LiveEndpoint {

    /**
     * One endpoint instance serves every connection (its state lives in each connection): an
     * instance per connection cost some 5 KB of injection bookkeeping each, at 18,000 phones.
     */
    public static class OneInstance extends ServerEndpointConfig.Configurator {
        /** The application-scoped bean's client proxy, looked up once: CDI.current() costs a lookup per connect. */
        private volatile Object endpoint;

        @Override
        public <T> T getEndpointInstance(Class<T> endpointClass) {
            Object known = endpoint;
            if (!endpointClass.isInstance(known)) {
                known = CDI.current().select(endpointClass).get();
                endpoint = known;
            }
            return endpointClass.cast(known);
        }

        /**
         * Hands the client address, and a same-origin browser's account and device, from
         * {@link ConnectLimit} to the session (user properties are per handshake since WebSocket 2.1).
         */
        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
            for (String fact : List.of(ConnectLimit.CLIENT_ADDRESS, ConnectLimit.ACCOUNT, ConnectLimit.DEVICE)) {
                List<String> value = request.getHeaders().get(fact);
                if (value != null && !value.isEmpty()) {
                    config.getUserProperties().put(fact, value.get(0));
                }
            }
        }
    }


    static final int MAX_FRAME = 10 * 1024;
    private static final String CONNECTION = Connection.class.getName();
    private static final Logger LOG = Logger.getLogger(LiveEndpoint.class.getName());

    @Inject
    DjBooth booth;

    @Inject
    Audience audience;

    @Inject
    LiveSessions sessions;

    @Inject
    Likes likes;

    @Inject
    TempoVotes tempo;

    @Inject
    Reactions reactions;

    @Inject
    Polls polls;

    @Inject
    Announcements announcements;

    @Inject
    SignedInConnections signedIn;

    @Inject
    ClientMessageCodec codec;

    @Inject
    OpenConnections open;

    @Inject
    ConnectionSettings settings;

    @Inject
    ContainerTuning container;

    @Inject
    Clock clock;

    @OnOpen
    public void opened(Session session) {
        // No container idle timeout: Tyrus's races with its own start-up timer and closed fresh
        // connections (1006) under load. OpenConnections closes silent connections itself.
        Map<String, Object> facts = session.getUserProperties();
        String account = (String) facts.remove(ConnectLimit.ACCOUNT);
        Connection connection = new Connection(session, container.opened(session),
                new Connection.Limits(settings.sendQueueLimit(), settings.sendQueueBytes()),
                new Connection.Browser((String) facts.remove(ConnectLimit.CLIENT_ADDRESS),
                        account == null ? null : Long.valueOf(account), (String) facts.remove(ConnectLimit.DEVICE)),
                open::closing);
        session.getUserProperties().put(CONNECTION, connection);
        open.add(connection);
        audience.connected(connection);
    }

    @OnMessage(maxMessageSize = MAX_FRAME)
    public void received(Session session, String text) {
        Connection connection = connection(session);
        connection.heard();
        ClientMessageCodec.Decoded frame = codec.decode(text);
        String clientId = connection.lockClientId(frame.clientId());
        if (!frame.valid()) {
            if (frame.messageId() != null) {
                connection.send(WireFormat.toJson(new LiveMessages.Nack(frame.messageId(), "Invalid message: " + frame.problem(), now())));
            } else {
                LOG.info(() -> "Dropped an invalid message from " + connection.id() + ": " + frame.problem());
            }
            return;
        }
        Outcome outcome;
        try {
            outcome = dispatch(connection.caller(clientId), frame);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Handling " + frame.type() + " from " + connection.id() + " failed", e);
            outcome = Outcome.refused("Internal server error");
        }
        answer(connection, frame, outcome);
    }

    /** Browsers answer the server's pings; a pong is a sign of life. */
    @OnMessage
    public void pong(Session session, PongMessage pong) {
        connection(session).heard();
    }

    @OnClose
    public void closed(Session session, CloseReason reason) {
        Connection connection = (Connection) session.getUserProperties().get(CONNECTION);
        if (connection != null) {
            open.remove(connection);
            audience.disconnected(connection.caller(connection.clientId()));
        }
    }

    @OnError
    public void failed(Session session, Throwable error) {
        LOG.log(Level.FINE, "WebSocket error", error);
    }

    private Outcome dispatch(Caller caller, ClientMessageCodec.Decoded frame) {
        Object message = frame.message();
        return switch (frame.type()) {
            case "REGISTER_SESSION" -> {
                ClientMessages.RegisterSession m = (ClientMessages.RegisterSession) message;
                yield booth.register(caller, m.sessionId(), m.djName(), m.token(), frame.version(), m.stageId());
            }
            case "BROADCAST_TRACK" -> {
                ClientMessages.BroadcastTrack m = (ClientMessages.BroadcastTrack) message;
                yield booth.broadcastTrack(caller, m.sessionId(), m.track(), frame.messageId());
            }
            case "METADATA_UPDATED" -> {
                ClientMessages.MetadataUpdated m = (ClientMessages.MetadataUpdated) message;
                yield booth.updateMetadata(caller, m.sessionId(), m.track());
            }
            case "TRACK_STOPPED" -> booth.stopTrack(caller, ((ClientMessages.TrackStopped) message).sessionId());
            case "END_SESSION" -> booth.endSession(caller, ((ClientMessages.EndSession) message).sessionId());
            case "SUBSCRIBE" -> audience.subscribe(caller, ((ClientMessages.Subscribe) message).sessionId());
            case "SUBSCRIBE_STAGE" -> audience.followStage(caller, ((ClientMessages.SubscribeStage) message).stageId());
            case "AUTHENTICATE" -> signedIn.authenticate(caller, ((ClientMessages.Authenticate) message).token());
            case "WATCH_EVENT" -> signedIn.watchEvent(caller, ((ClientMessages.WatchEvent) message).eventId());
            case "SEND_EVENT_ANNOUNCEMENT" -> {
                ClientMessages.SendEventAnnouncement m = (ClientMessages.SendEventAnnouncement) message;
                yield signedIn.announceToEvent(caller, m.eventId(), new AnnouncementRequest(m.message(), m.priority(), m.push()));
            }
            case "GET_SESSIONS" -> sessions.sessionsList(caller);
            case "PING" -> audience.ping();
            case "VALIDATE_SESSION" -> sessions.validate(((ClientMessages.ValidateSession) message).sessionId());
            case "SEND_LIKE" -> {
                ClientMessages.SendLike m = (ClientMessages.SendLike) message;
                yield likes.like(caller, m.sessionId(), m.payload().track());
            }
            case "SEND_BULK_LIKE" -> {
                ClientMessages.SendBulkLike m = (ClientMessages.SendBulkLike) message;
                yield likes.bulkLike(caller, m.sessionId(), m.payload().tracks());
            }
            case "REMOVE_LIKE" -> {
                ClientMessages.RemoveLike m = (ClientMessages.RemoveLike) message;
                yield likes.removeLike(caller, m.sessionId(), m.payload().track());
            }
            case "SEND_REACTION" -> {
                ClientMessages.SendReaction m = (ClientMessages.SendReaction) message;
                yield reactions.react(caller, m.sessionId(), m.reaction());
            }
            case "SEND_TEMPO_REQUEST" -> {
                ClientMessages.SendTempoRequest m = (ClientMessages.SendTempoRequest) message;
                yield tempo.tempo(caller, m.sessionId(), m.preference());
            }
            case "START_POLL" -> {
                ClientMessages.StartPoll m = (ClientMessages.StartPoll) message;
                yield polls.startPoll(caller, m.sessionId(), m.question(), m.options(), m.durationSeconds());
            }
            case "END_POLL" -> polls.endPoll(caller, ((ClientMessages.EndPoll) message).pollId());
            case "CANCEL_POLL" -> {
                ClientMessages.CancelPoll m = (ClientMessages.CancelPoll) message;
                yield polls.cancelPoll(caller, m.pollId(), m.sessionId());
            }
            case "VOTE_ON_POLL" -> {
                ClientMessages.VoteOnPoll m = (ClientMessages.VoteOnPoll) message;
                yield polls.vote(caller, m.pollId(), m.optionIndex());
            }
            case "SEND_ANNOUNCEMENT" -> {
                ClientMessages.SendAnnouncement m = (ClientMessages.SendAnnouncement) message;
                yield announcements.announce(caller, m.sessionId(), m.message(), m.durationSeconds(), Boolean.TRUE.equals(m.push()));
            }
            case "CANCEL_ANNOUNCEMENT" -> announcements.cancelAnnouncement(caller, ((ClientMessages.CancelAnnouncement) message).sessionId());
            default -> throw new IllegalStateException("no handler for " + frame.type());
        };
    }

    private void answer(Connection connection, ClientMessageCodec.Decoded frame, Outcome outcome) {
        outcome.replies().forEach(reply -> connection.send(WireFormat.toJson(reply)));
        String messageId = frame.messageId();
        if (outcome.acknowledge() && messageId != null) {
            Object acknowledgement = outcome.accepted()
                    ? new LiveMessages.Ack(messageId, now())
                    : new LiveMessages.Nack(messageId, outcome.refusal(), now());
            if (outcome.close() != null) {
                connection.sendAndWait(WireFormat.toJson(acknowledgement));
            } else {
                connection.send(WireFormat.toJson(acknowledgement));
            }
        } else if (!outcome.accepted()) {
            LOG.info(() -> frame.type() + " from " + connection.id() + " refused: " + outcome.refusal());
        }
        if (outcome.close() != null) {
            connection.close(outcome.close().code(), outcome.close().reason());
        }
    }

    private static Connection connection(Session session) {
        return (Connection) session.getUserProperties().get(CONNECTION);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
