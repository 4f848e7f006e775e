package stream.pika.bench;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Many WebSocket client connections on one selector thread, for the load tool: a listener costs
 * the load process a few microseconds per message instead of a JDK {@code HttpClient} exchange,
 * so on a machine shared with the server the figures are the server's. Text frames only (the
 * protocol's), unfragmented sends, pings answered; the handshake's answer is checked for 101
 * only. Handlers run on the selector thread and must not block.
 */
final class LeanSockets implements Closeable {

    /** What a connection's owner hears; every call is on the selector thread. */
    interface Handler {
        void opened(Socket socket);

        void text(Socket socket, String text, long receivedNanos);

        /** The connection is gone (closed by the server, refused, reset); {@code why} says how. */
        void closed(Socket socket, String why);
    }

    private static final byte[] CRLF2 = {'\r', '\n', '\r', '\n'};

    private final Selector selector;
    private final Thread loop;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;

    LeanSockets(String name) throws IOException {
        selector = Selector.open();
        loop = new Thread(this::run, name);
        loop.setDaemon(true);
        loop.start();
    }

    /** Opens a connection to {@code ws://host:port/path}; the handler hears when it is open. */
    Socket open(URI uri, Handler handler) {
        Socket socket = new Socket(uri, handler);
        tasks.add(socket::connect);
        selector.wakeup();
        return socket;
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
    }

    private void run() {
        ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
        while (running) {
            try {
                selector.select(100);
                for (Runnable task; (task = tasks.poll()) != null; ) {
                    task.run();
                }
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    Socket socket = (Socket) key.attachment();
                    try {
                        if (key.isConnectable()) {
                            socket.finishConnect();
                        }
                        if (key.isValid() && key.isWritable()) {
                            socket.flush();
                        }
                        if (key.isValid() && key.isReadable()) {
                            socket.read(readBuffer);
                        }
                    } catch (IOException | RuntimeException e) {
                        socket.gone(e.toString());
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        for (SelectionKey key : selector.keys()) {
            ((Socket) key.attachment()).gone("load tool closing");
        }
    }

    /** One client connection. {@link #send} may be called from any thread. */
    final class Socket {
        private final URI uri;
        private final Handler handler;
        private SocketChannel channel;
        private SelectionKey key;
        private boolean open;
        private boolean gone;
        private final ArrayDeque<ByteBuffer> unsent = new ArrayDeque<>();
        private ByteBuffer in = ByteBuffer.allocate(4096);
        private final java.io.ByteArrayOutputStream partial = new java.io.ByteArrayOutputStream();
        /** Anything the owner keeps with the connection. */
        Object attachment;

        private Socket(URI uri, Handler handler) {
            this.uri = uri;
            this.handler = handler;
        }

        /** Sends a text frame (masked, as a client must). */
        void send(String text) {
            ByteBuffer frame = frame(0x1, text.getBytes(StandardCharsets.UTF_8));
            tasks.add(() -> write(frame));
            selector.wakeup();
        }

        /** Drops the connection without a close handshake, as a phone losing its network does. */
        void abort() {
            tasks.add(() -> gone("aborted"));
            selector.wakeup();
        }

        private void connect() {
            try {
                channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
                int port = uri.getPort() < 0 ? 80 : uri.getPort();
                key = channel.register(selector, SelectionKey.OP_CONNECT, this);
                if (channel.connect(new InetSocketAddress(uri.getHost(), port))) {
                    finishConnect();
                }
            } catch (IOException e) {
                gone(e.toString());
            }
        }

        private void finishConnect() throws IOException {
            if (!channel.finishConnect()) {
                return;
            }
            key.interestOps(SelectionKey.OP_READ);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            write(ByteBuffer.wrap(("GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
        }

        private void write(ByteBuffer bytes) {
            if (gone) {
                return;
            }
            unsent.add(bytes);
            try {
                flush();
            } catch (IOException e) {
                gone(e.toString());
            }
        }

        private void flush() throws IOException {
            if (channel == null || !channel.isConnected()) {
                return; // written once connected
            }
            while (!unsent.isEmpty()) {
                ByteBuffer head = unsent.peek();
                channel.write(head);
                if (head.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                    return;
                }
                unsent.poll();
            }
            key.interestOps(SelectionKey.OP_READ);
        }

        private void read(ByteBuffer buffer) throws IOException {
            buffer.clear();
            int n = channel.read(buffer);
            if (n < 0) {
                gone("closed by the server");
                return;
            }
            long now = System.nanoTime();
            buffer.flip();
            if (in.remaining() < buffer.remaining()) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(in.capacity() * 2, in.position() + buffer.remaining()));
                in.flip();
                bigger.put(in);
                in = bigger;
            }
            in.put(buffer);
            in.flip();
            try {
                if (!open) {
                    handshake();
                }
                if (open) {
                    frames(now);
                }
            } finally {
                in.compact();
            }
        }

        private void handshake() {
            int end = indexOf(in, CRLF2);
            if (end < 0) {
                return;
            }
            byte[] head = new byte[end + 4];
            in.get(head);
            String status = new String(head, 0, Math.min(head.length, 12), StandardCharsets.US_ASCII);
            if (!status.startsWith("HTTP/1.1 101")) {
                gone("handshake answered " + new String(head, StandardCharsets.US_ASCII).lines().findFirst().orElse(""));
                return;
            }
            open = true;
            handler.opened(this);
        }

        private void frames(long now) {
            while (!gone && in.remaining() >= 2) {
                int start = in.position();
                int b0 = in.get() & 0xFF;
                int b1 = in.get() & 0xFF;
                long length = b1 & 0x7F;
                if (length == 126) {
                    if (in.remaining() < 2) {
                        in.position(start);
                        return;
                    }
                    length = in.getShort() & 0xFFFF;
                } else if (length == 127) {
                    if (in.remaining() < 8) {
                        in.position(start);
                        return;
                    }
                    length = in.getLong();
                }
                if (in.remaining() < length) {
                    in.position(start);
                    return;
                }
                int opcode = b0 & 0x0F;
                boolean fin = (b0 & 0x80) != 0;
                if (opcode == 0x1 && fin && partial.size() == 0) {
                    // The usual frame: a whole message, decoded where it lies (no copies on the tool's one thread).
                    String text = new String(in.array(), in.arrayOffset() + in.position(), (int) length, StandardCharsets.UTF_8);
                    in.position(in.position() + (int) length);
                    handler.text(this, text, now);
                    continue;
                }
                byte[] payload = new byte[(int) length];
                in.get(payload);
                switch (opcode) {
                    case 0x0, 0x1 -> {
                        partial.writeBytes(payload);
                        if (fin) {
                            String text = partial.toString(StandardCharsets.UTF_8);
                            partial.reset();
                            handler.text(this, text, now);
                        }
                    }
                    case 0x8 -> gone("closed by the server" + (payload.length >= 2 ? " (" + (((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF)) + ")" : ""));
                    case 0x9 -> write(frame(0xA, payload));
                    default -> {
                        // pong or binary: not used by the protocol
                    }
                }
            }
        }

        private void gone(String why) {
            if (gone) {
                return;
            }
            gone = true;
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException e) {
                // closing anyway
            }
            handler.closed(this, why);
        }
    }

    private static ByteBuffer frame(int opcode, byte[] payload) {
        int length = payload.length;
        int header = length < 126 ? 2 : length < 65536 ? 4 : 10;
        ByteBuffer frame = ByteBuffer.allocate(header + 4 + length);
        frame.put((byte) (0x80 | opcode));
        if (length < 126) {
            frame.put((byte) (0x80 | length));
        } else if (length < 65536) {
            frame.put((byte) (0x80 | 126)).putShort((short) length);
        } else {
            frame.put((byte) (0x80 | 127)).putLong(length);
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        frame.put(mask);
        for (int i = 0; i < length; i++) {
            frame.put((byte) (payload[i] ^ mask[i & 3]));
        }
        return frame.flip();
    }

    private static int indexOf(ByteBuffer buffer, byte[] needle) {
        outer:
        for (int i = buffer.position(); i <= buffer.limit() - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (buffer.get(i + j) != needle[j]) {
                    continue outer;
                }
            }
            return i - buffer.position();
        }
        return -1;
    }
}
