package stream.pika.web.container;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A text message as ready-made WebSocket frames (RFC 6455 section 5.2: a server's frames are not
 * masked), so a message going to a whole room is UTF-8 encoded and framed once instead of once per
 * phone: Tyrus encodes every send char by char, which at a big event's connect rush (a session list
 * of 20 KB to each arriving dancer) was most of a node's CPU. Messages longer than
 * {@link #FRAGMENT_BYTES} become fragments of at most that size, cut between characters: Grizzly
 * keeps a reference to the last write larger than its 8 KB buffer for a connection's life.
 */
final class FramedText {

    /** Under Grizzly's 8 KB write buffer, header included. */
    static final int FRAGMENT_BYTES = 6 * 1024;
    private static final int OPCODE_TEXT = 0x1;
    private static final int OPCODE_CONTINUATION = 0x0;
    private static final int FIN = 0x80;

    private record Framed(String text, ByteBuffer[] frames) {
    }

    /** The last short and the last long message framed: a fan-out sends one String instance to many connections. */
    private static volatile Framed lastShort;
    private static volatile Framed lastLong;

    private FramedText() {
    }

    /** The frames of this text, shared: send {@code duplicate()}s. */
    static ByteBuffer[] of(String text) {
        boolean isLong = text.length() > FRAGMENT_BYTES / 3;
        Framed last = isLong ? lastLong : lastShort;
        if (last != null && last.text() == text) {
            return last.frames();
        }
        Framed framed = new Framed(text, frame(text.getBytes(StandardCharsets.UTF_8)));
        if (isLong) {
            lastLong = framed;
        } else {
            lastShort = framed;
        }
        return framed.frames();
    }

    static ByteBuffer[] frame(byte[] payload) {
        int count = 0;
        for (int start = 0; start < payload.length || count == 0; start = fragmentEnd(payload, start)) {
            count++;
        }
        ByteBuffer[] frames = new ByteBuffer[count];
        int start = 0;
        for (int i = 0; i < count; i++) {
            int end = fragmentEnd(payload, start);
            frames[i] = frame(i == 0 ? OPCODE_TEXT : OPCODE_CONTINUATION, i == count - 1, payload, start, end - start);
            start = end;
        }
        return frames;
    }

    /** Where a fragment starting at {@code start} ends: at most {@link #FRAGMENT_BYTES}, never inside a UTF-8 sequence. */
    static int fragmentEnd(byte[] payload, int start) {
        int end = Math.min(start + FRAGMENT_BYTES, payload.length);
        while (end < payload.length && (payload[end] & 0xC0) == 0x80) {
            end--; // a continuation byte: the character starts earlier
        }
        return end;
    }

    private static ByteBuffer frame(int opcode, boolean fin, byte[] payload, int offset, int length) {
        int header = length < 126 ? 2 : length < 65_536 ? 4 : 10;
        ByteBuffer frame = ByteBuffer.allocate(header + length);
        frame.put((byte) ((fin ? FIN : 0) | opcode));
        if (length < 126) {
            frame.put((byte) length);
        } else if (length < 65_536) {
            frame.put((byte) 126).putShort((short) length);
        } else {
            frame.put((byte) 127).putLong(length);
        }
        frame.put(payload, offset, length);
        return frame.flip();
    }
}
