package stream.pika.web.container;

import stream.pika.web.container.FramedText;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a message becomes WebSocket frames (RFC 6455 5.2) and a long one fragments (5.4). */
class FragmentsTest {

    /** A frame read back: FIN, opcode, payload; checks the length field and that nothing is masked. */
    private record Frame(boolean fin, int opcode, byte[] payload) {
        static Frame read(ByteBuffer buffer) {
            ByteBuffer b = buffer.duplicate();
            int first = b.get() & 0xFF;
            int second = b.get() & 0xFF;
            assertEquals(0, second & 0x80, "a server's frame is never masked");
            long length = second & 0x7F;
            if (length == 126) {
                length = b.getShort() & 0xFFFF;
            } else if (length == 127) {
                length = b.getLong();
            }
            assertEquals(length, b.remaining(), "the length field says what follows");
            byte[] payload = new byte[b.remaining()];
            b.get(payload);
            return new Frame((first & 0x80) != 0, first & 0x0F, payload);
        }
    }

    @Test
    void aShortMessageIsOneFinalTextFrame() {
        ByteBuffer[] frames = FramedText.frame("{\"type\":\"PONG\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(1, frames.length);
        Frame frame = Frame.read(frames[0]);
        assertTrue(frame.fin());
        assertEquals(1, frame.opcode());
        assertEquals("{\"type\":\"PONG\"}", new String(frame.payload(), StandardCharsets.UTF_8));
        assertEquals(2 + 15, frames[0].remaining());
    }

    @Test
    void lengthsUseTheTwoAndEightByteForms() {
        assertEquals(4 + 200, FramedText.frame(new byte[200])[0].remaining());
        assertEquals(0, Frame.read(FramedText.frame(new byte[0])[0]).payload().length);
    }

    @Test
    void aLongMessageIsCutIntoFragmentsBetweenCharacters() {
        String headphones = "\uD83C\uDFA7"; // four bytes in UTF-8
        String text = "a".repeat(FramedText.FRAGMENT_BYTES - 2) + headphones + "é".repeat(5000) + "end";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer[] frames = FramedText.frame(utf8);
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        for (int i = 0; i < frames.length; i++) {
            Frame frame = Frame.read(frames[i]);
            assertEquals(i == 0 ? 1 : 0, frame.opcode(), "text, then continuations");
            assertEquals(i == frames.length - 1, frame.fin(), "only the last is final");
            assertTrue(frame.payload().length <= FramedText.FRAGMENT_BYTES);
            // Each fragment is whole characters: decoding it alone loses nothing.
            String part = new String(frame.payload(), StandardCharsets.UTF_8);
            assertArrayEquals(frame.payload(), part.getBytes(StandardCharsets.UTF_8));
            whole.writeBytes(frame.payload());
        }
        assertEquals(FramedText.FRAGMENT_BYTES - 2, Frame.read(frames[0]).payload().length, "the emoji moved to the next fragment");
        assertEquals(text, whole.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theSameMessageToManyConnectionsIsFramedOnce() {
        String message = "{\"type\":\"NOW_PLAYING\",\"sessionId\":\"s\"}";
        assertSame(FramedText.of(message), FramedText.of(message));
    }
}
