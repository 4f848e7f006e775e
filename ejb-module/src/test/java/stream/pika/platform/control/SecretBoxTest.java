package stream.pika.platform.control;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretBoxTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Test
    void whatIsSealedOpensWithTheSameKeyOnly() {
        SecretBox box = new SecretBox(KEY);
        byte[] sealed = box.seal("refresh-token-of-a-dancer");
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("refresh-token"), "not in clear");
        assertEquals(Optional.of("refresh-token-of-a-dancer"), box.open(sealed));
        assertNotEquals(new String(sealed, StandardCharsets.ISO_8859_1), new String(box.seal("refresh-token-of-a-dancer"),
                StandardCharsets.ISO_8859_1), "a fresh nonce each time");
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;
        assertTrue(new SecretBox(otherKey).open(sealed).isEmpty());
    }

    @Test
    void aChangedByteIsRefused() {
        SecretBox box = new SecretBox(KEY);
        byte[] sealed = box.seal("secret");
        sealed[sealed.length - 1] ^= 1;
        assertTrue(box.open(sealed).isEmpty());
        assertTrue(box.open(new byte[3]).isEmpty());
        assertTrue(box.open(null).isEmpty());
    }
}
