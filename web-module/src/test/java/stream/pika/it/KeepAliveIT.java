package stream.pika.it;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * An idle phone is not dropped: the connection {@link TestServer} opened when the run started has
 * sent nothing since. This class runs last, so the connection has been idle for the whole run,
 * and at least {@link #IDLE} (the test waits out the rest if the run was quicker).
 */
@ExtendWith(TestServer.class)
@Order(Integer.MAX_VALUE)
class KeepAliveIT {

    static final Duration IDLE = Duration.ofSeconds(125);

    @Test
    void anIdlePhoneStaysConnected() throws InterruptedException {
        Duration idle = TestServer.idleWitnessAge();
        if (idle.compareTo(IDLE) < 0) {
            Thread.sleep(IDLE.minus(idle).toMillis());
        }
        WsClient witness = TestServer.idleWitness();
        assertFalse(witness.isClosed(), "closed after " + TestServer.idleWitnessAge() + " of silence");
        witness.send("{\"type\":\"PING\"}");
        witness.await("PONG", LiveDj.WAIT);
        System.out.printf("keep-alive: a silent connection was still open after %d s%n", TestServer.idleWitnessAge().toSeconds());
    }
}
