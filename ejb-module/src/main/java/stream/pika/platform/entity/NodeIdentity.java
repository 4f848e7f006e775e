package stream.pika.platform.entity;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This process among the nodes: a random id chosen at start, and connection ids made from it, so
 * a connection id names one connection across the whole cluster (sender exclusion across nodes).
 */
public final class NodeIdentity {

    private static final String NODE_ID = HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
    private static final AtomicLong CONNECTIONS = new AtomicLong();

    private NodeIdentity() {
    }

    /** This node's id: the first part of its connection ids. */
    public static String nodeId() {
        return NODE_ID;
    }

    public static String nextConnectionId() {
        return NODE_ID + "-" + CONNECTIONS.incrementAndGet();
    }
}
