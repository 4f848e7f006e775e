package stream.pika.web.ws;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import stream.pika.platform.entity.WriterThreads;

import java.lang.reflect.Constructor;
import java.util.logging.Logger;

/**
 * Threads that write to connections from outside a client's request (messages from other nodes,
 * pings) as Grizzly worker threads with a buffer pool of their own. Grizzly gives every write a
 * fresh 8 KB output buffer unless the writing thread has such a pool: from a plain thread each
 * message to each phone was 8 KB of garbage, most of a node's young collections at a big event.
 * Built through container internals like {@link DirectWriter}; elsewhere a managed thread (logged once).
 */
@ApplicationScoped
public class GrizzlyWriterThreads implements WriterThreads {

    private static final Logger LOG = Logger.getLogger(GrizzlyWriterThreads.class.getName());
    private static final Grizzly GRIZZLY = Grizzly.find();

    @Resource
    ManagedThreadFactory managed;

    private record Grizzly(Constructor<?> worker, Object attributes, Object memory) {

        static Grizzly find() {
            try {
                ClassLoader loader = GrizzlyWriterThreads.class.getClassLoader();
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

    @Override
    public Thread newThread(String name, Runnable task) {
        if (GRIZZLY != null) {
            try {
                Thread thread = GRIZZLY.newThread(name, task);
                thread.setDaemon(true);
                return thread;
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.info(() -> "Could not make a Grizzly writer thread (" + e + "); using a managed thread");
            }
        }
        Thread thread = managed.newThread(task);
        thread.setName(name);
        return thread;
    }
}
