package stream.pika.web.container;

import java.lang.reflect.Constructor;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Threads that write to connections from outside a client's request (messages from other nodes,
 * pings) as Grizzly worker threads with a buffer pool of their own. Grizzly gives every write a
 * fresh 8 KB output buffer unless the writing thread has such a pool: from a plain thread each
 * message to each phone was 8 KB of garbage, most of a node's young collections at a big event.
 */
final class GrizzlyThreads {

    private static final Logger LOG = Logger.getLogger(GrizzlyThreads.class.getName());
    private static final Grizzly GRIZZLY = Grizzly.find();

    private GrizzlyThreads() {
    }

    private record Grizzly(Constructor<?> worker, Object attributes, Object memory) {

        static Grizzly find() {
            try {
                ClassLoader loader = GrizzlyThreads.class.getClassLoader();
                Class<?> workerType = Class.forName("org.glassfish.grizzly.threadpool.DefaultWorkerThread", false, loader);
                Class<?> attributeBuilder = Class.forName("org.glassfish.grizzly.attributes.AttributeBuilder", false, loader);
                Class<?> pool = Class.forName("org.glassfish.grizzly.memory.ThreadLocalPool", false, loader);
                Class<?> memoryManager = Class.forName("org.glassfish.grizzly.memory.MemoryManager", false, loader);
                Constructor<?> worker = workerType.getConstructor(attributeBuilder, String.class, pool, Runnable.class);
                Object attributes = attributeBuilder.getField("DEFAULT_ATTRIBUTE_BUILDER").get(null);
                Object memory = memoryManager.getField("DEFAULT_MEMORY_MANAGER").get(null);
                memory.getClass().getMethod("createThreadLocalPool"); // a pooling memory manager
                return new Grizzly(worker, attributes, memory);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                LOG.info(() -> "Grizzly internals not available (" + e + "); writing from managed threads");
                return null;
            }
        }

        Thread newThread(String name, Runnable task) throws ReflectiveOperationException {
            Object pool = memory.getClass().getMethod("createThreadLocalPool").invoke(memory);
            return (Thread) worker.newInstance(attributes, name, pool, task);
        }
    }

    static boolean available() {
        return GRIZZLY != null;
    }

    /** A Grizzly worker thread running {@code task}, or empty where one cannot be made. */
    static Optional<Thread> newThread(String name, Runnable task) {
        if (GRIZZLY == null) {
            return Optional.empty();
        }
        try {
            Thread thread = GRIZZLY.newThread(name, task);
            thread.setDaemon(true);
            return Optional.of(thread);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.info(() -> "Could not make a Grizzly writer thread (" + e + "); using a managed thread");
            return Optional.empty();
        }
    }
}
