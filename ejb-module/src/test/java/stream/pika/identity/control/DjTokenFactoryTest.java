package stream.pika.identity.control;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DjTokenFactoryTest {

    @Test
    void tokensHaveTheProtocolShapeAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = DjTokenFactory.newToken();
            assertTrue(token.matches("pk_dj_[0-9a-f]{32}"), token);
            assertTrue(DjTokenFactory.wellFormed(token));
            assertTrue(seen.add(token));
        }
    }

    @Test
    void hashIsSha256Hex() {
        // sha256("x") as printed by `echo -n x | sha256sum`
        assertEquals("2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881", DjTokenFactory.hash("x"));
        assertNotEquals(DjTokenFactory.hash("a"), DjTokenFactory.hash("b"));
    }

    @Test
    void malformedTokensAreRecognisedWithoutALookup() {
        for (String bad : new String[]{null, "", "pk_dj_", "pk_dj_ABCDEF00000000000000000000000000",
                "pk_dj_0000000000000000000000000000000", "pk_dj_000000000000000000000000000000000",
                "Bearer pk_dj_00000000000000000000000000000000", "pk_adm_00000000000000000000000000000000"}) {
            assertFalse(DjTokenFactory.wellFormed(bad), String.valueOf(bad));
        }
    }
}
