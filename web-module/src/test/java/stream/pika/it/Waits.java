package stream.pika.it;

import java.time.Duration;

/** Sleeping in tests, where a rule of the server (a rate interval, a grace) has to pass. */
public final class Waits {

    private Waits() {
    }

    public static void pause(Duration duration) {
        if (duration.isNegative()) {
            return; // the moment has passed already
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Polls the condition until it holds; fails the test with {@code what} when it does not in time. */
    public static void until(java.util.function.BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for: " + what);
            }
            pause(Duration.ofMillis(100));
        }
    }

    /** Waits out the shared server's broadcast interval, with a little margin. */
    public static void broadcastInterval() {
        pause(TestServer.BROADCAST_MIN_INTERVAL.plusMillis(50));
    }
}
