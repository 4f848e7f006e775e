package stream.pika.live.entity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class CallerTest {

    @Test
    void aSignedInDancersLikesGoByTheAccountWhateverTheDevice() {
        assertEquals(new Caller("c1", "phone", null, 5L, null).liker(), new Caller("c2", "laptop", null, 5L, "d").liker());
        assertEquals("phone", new Caller("c1", "phone", null).liker());
    }

    @Test
    void noClientIdPosesAsAnAccount() {
        String posing = Caller.accountLiker(5);
        assertNotEquals(Caller.accountLiker(5), new Caller("c1", posing, null).liker());
    }
}
