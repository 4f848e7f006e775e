package stream.pika.platform.entity;

/**
 * Makes the long-lived threads that write to this node's connections without a client's frame
 * to answer (messages from other nodes, pings). The web adapter supplies one its container writes
 * from cheaply; without it, managed threads are used.
 */
public interface WriterThreads {

    Thread newThread(String name, Runnable task);
}
