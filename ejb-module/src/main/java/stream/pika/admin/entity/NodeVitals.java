package stream.pika.admin.entity;

import java.time.Instant;

/**
 * One node's figures at one moment (sampled every few seconds): its open WebSocket connections,
 * the messages it handed to them per second since the last sample, and its JVM heap.
 */
public record NodeVitals(String node, Instant sampledAt, int connections, double messagesPerSecond, long heapUsedMb, long heapMaxMb) {

    /** As one line of text (the shared board keeps it so): fields separated by spaces. */
    public String line() {
        return node + " " + sampledAt.toEpochMilli() + " " + connections + " " + messagesPerSecond + " " + heapUsedMb + " " + heapMaxMb;
    }

    public static NodeVitals ofLine(String line) {
        String[] f = line.split(" ");
        return new NodeVitals(f[0], Instant.ofEpochMilli(Long.parseLong(f[1])), Integer.parseInt(f[2]), Double.parseDouble(f[3]),
                Long.parseLong(f[4]), Long.parseLong(f[5]));
    }
}
