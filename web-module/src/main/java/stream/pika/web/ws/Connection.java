package stream.pika.web.ws;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import stream.pika.live.entity.Caller;
import stream.pika.platform.entity.NodeIdentity;
import stream.pika.platform.entity.Outbox;
import stream.pika.web.container.ConnectionLink;
import stream.pika.web.input.LogText;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One WebSocket connection: its id, the client id it announced first (locked for its life), and
 * its outgoing messages. Sending never blocks the caller: each message goes to the container
 * through the connection's {@link ConnectionLink} (whichever implementation writes), and its
 * future is counted until it is written. A connection with more than the limit unwritten, by
 * count or by size (a phone that stopped reading), is closed, so it reconnects and resyncs
 * instead of slowing anyone else; if it is still open after the close grace (its close frame
 * waits behind its backlog) it is terminated, socket and backlog released.
 */
final class Connection implements Outbox {

    static final int CLOSE_TOO_SLOW = 1013;
    static final int CLOSE_GOING_AWAY = 1001;
    private static final Logger LOG = Logger.getLogger(Connection.class.getName());
    private static final ByteBuffer PING = ByteBuffer.wrap(new byte[]{'p', 'k'}).asReadOnlyBuffer();

    /** Limits of one connection's backlog. */
    record Limits(int messages, long characters) {
    }

    /** A message handed to the container: its future and its size. */
    private record Pending(Future<?> written, int chars) {
    }

    private final String id = NodeIdentity.nextConnectionId();
    private final Session session;
    private final ConnectionLink link;
    private final Limits limits;
    private final AtomicInteger unwritten = new AtomicInteger();
    /** Characters of the messages not yet written: a few large answers weigh more than many small ones. */
    private final AtomicLong unwrittenChars = new AtomicLong();
    private final AtomicBoolean closing = new AtomicBoolean();
    /** The messages not yet seen written (guarded by this). */
    private final ArrayDeque<Pending> pending = new ArrayDeque<>(0);
    /** A second client id was named: logged once per connection. */
    private boolean clientIdConflictLogged;
    private volatile String clientId;
    /** Who is at the other end, as the upgrade showed. */
    private final Browser browser;
    private volatile long lastHeardNanos = System.nanoTime();
    private volatile long closedAtNanos;
    /** Told of every close this side starts, so a close that never gets through is followed up. */
    private final Consumer<Connection> closeWatch;

    /**
     * What the upgrade showed of the client: its IP by the platform's rule (null if the upgrade
     * did not pass {@link ConnectLimit}), and for a page of this platform the signed-in account
     * (null: anonymous) and the hash of the browser's device cookie (null: none).
     */
    record Browser(String address, Long accountId, String device) {
    }

    Connection(Session session, ConnectionLink link, Limits limits, Browser browser, Consumer<Connection> closeWatch) {
        this.session = session;
        this.closeWatch = closeWatch;
        this.link = link;
        this.limits = limits;
        this.browser = browser;
    }

    @Override
    public String id() {
        return id;
    }

    /** Something (a message, a pong) arrived from the client. */
    void heard() {
        lastHeardNanos = System.nanoTime();
    }

    /** Nothing arrived for longer than {@code nanos}. */
    boolean silentFor(long nanos) {
        return System.nanoTime() - lastHeardNanos > nanos;
    }

    String address() {
        return browser.address();
    }

    /** The caller of a message from this connection, under the client id it goes by. */
    Caller caller(String clientId) {
        return new Caller(id, clientId, browser.address(), browser.accountId(), browser.device());
    }

    String clientId() {
        return clientId;
    }

    /** The first client id a connection names is its id for life; a different one later is ignored. */
    synchronized String lockClientId(String announced) {
        if (clientId == null) {
            clientId = announced;
        } else if (announced != null && !announced.equals(clientId) && !clientIdConflictLogged) {
            clientIdConflictLogged = true; // once: a client repeating it must not fill the log
            LOG.warning(() -> "Connection " + id + " named client id " + LogText.of(announced) + " after "
                    + LogText.of(clientId) + "; keeping the first (logged once per connection)");
        }
        return clientId;
    }

    @Override
    public void send(String json) {
        if (closing.get()) {
            return;
        }
        int chars = json.length();
        long backlog = unwrittenChars.addAndGet(chars);
        if (unwritten.incrementAndGet() > limits.messages() || backlog > limits.characters()) {
            unwritten.decrementAndGet();
            unwrittenChars.addAndGet(-chars);
            close(CLOSE_TOO_SLOW, "Too slow to keep up");
            LOG.info(() -> "Closed connection " + id + ": more than " + limits.messages() + " messages or "
                    + limits.characters() + " characters unwritten");
            return;
        }
        try {
            // One writer at a time: the frames of a message must not interleave with another's.
            synchronized (this) {
                settlePending();
                pending.add(new Pending(link.send(json), chars));
            }
        } catch (RuntimeException e) {
            unwritten.decrementAndGet();
            unwrittenChars.addAndGet(-chars);
            LOG.log(Level.FINE, "Send to " + id + " refused", e);
        }
    }

    /** Counts the messages written since the last send as written. */
    private void settlePending() {
        while (!pending.isEmpty() && pending.peek().written().isDone()) {
            unwrittenChars.addAndGet(-pending.poll().chars());
            unwritten.decrementAndGet();
        }
    }

    /** Sends and waits until written (up to a second): for the last word before a close. */
    void sendAndWait(String json) {
        if (closing.get()) {
            return;
        }
        try {
            Future<?> written;
            synchronized (this) {
                settlePending();
                written = link.send(json);
                pending.add(new Pending(written, json.length()));
                unwritten.incrementAndGet();
                unwrittenChars.addAndGet(json.length());
            }
            written.get(1, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.log(Level.FINE, "Last message to " + id + " not written", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void ping() {
        if (closing.get() || !session.isOpen()) {
            return;
        }
        try {
            session.getAsyncRemote().sendPing(PING.duplicate());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Ping to " + id + " failed", e);
        }
    }

    @Override
    public void close(int code, String reason) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        closedAtNanos = System.nanoTime();
        closeWatch.accept(this);
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Closing " + id + " failed", e);
        }
    }

    /** This side closed it longer ago than {@code graceNanos}. */
    boolean closedLongerThan(long graceNanos) {
        return closing.get() && System.nanoTime() - closedAtNanos > graceNanos;
    }

    /**
     * Lets the connection go for good: its socket and everything queued for it (a close that got
     * through left nothing to release). The container reports the container-side close as it can.
     */
    void terminate() {
        synchronized (this) {
            pending.clear();
        }
        link.abort();
    }
}
