package stream.pika.push.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import stream.pika.push.entity.PushPayload;
import stream.pika.push.entity.PushTarget;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends pushes to push services, never on the caller's thread: every push of every send waits
 * in one queue and at most {@code pika.push.parallelism} are in flight on this node. A push
 * service that answers 429 or 5xx (or cannot be reached) is tried again after a backoff (its
 * {@code Retry-After} when given) without holding a slot; 404 and 410 mean the subscription is
 * gone. Figures go to MicroProfile Metrics ({@code pika_push_*} at {@code /mp-metrics}).
 */
@ApplicationScoped
public class PushDelivery {

    private static final Logger LOG = Logger.getLogger(PushDelivery.class.getName());
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(60);

    /** What became of one send to many subscriptions; {@code gone} lists the expired endpoints. */
    public record Result(int sent, int failed, int total, List<String> gone) {
    }

    enum Fate { SENT, GONE, FAILED }

    /** One send in progress: its counts and the future the caller waits on. */
    private static final class Batch {
        final String description;
        final int total;
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger pending;
        final Queue<String> gone = new ConcurrentLinkedQueue<>();
        final CompletableFuture<Result> done = new CompletableFuture<>();

        Batch(String description, int total) {
            this.description = description;
            this.total = total;
            this.pending = new AtomicInteger(total);
        }

        void settle(PushTarget target, Fate fate) {
            switch (fate) {
                case SENT -> sent.incrementAndGet();
                case GONE -> {
                    failed.incrementAndGet();
                    gone.add(target.endpoint());
                }
                case FAILED -> failed.incrementAndGet();
            }
            if (pending.decrementAndGet() == 0) {
                done.complete(new Result(sent.get(), failed.get(), total, List.copyOf(gone)));
            }
        }
    }

    private record Push(Batch batch, PushTarget target, byte[] payload, PushPayload.Urgency urgency, int attempt) {
        Push next() {
            return new Push(batch, target, payload, urgency, attempt + 1);
        }
    }

    @Resource
    ManagedExecutorService executor;

    @Inject
    VapidKeys keys;

    @Inject
    MetricRegistry metrics;

    @Inject
    @ConfigProperty(name = "pika.push.parallelism", defaultValue = "16")
    int parallelism;

    @Inject
    @ConfigProperty(name = "pika.push.max-attempts", defaultValue = "3")
    int maxAttempts;

    /** First backoff; doubled on each further attempt. */
    @Inject
    @ConfigProperty(name = "pika.push.first-retry", defaultValue = "PT1S")
    Duration firstRetry;

    /** How long a push service keeps an undelivered push (a phone that is off for the evening). */
    @Inject
    @ConfigProperty(name = "pika.push.ttl-seconds", defaultValue = "3600")
    int ttlSeconds;

    private final Queue<Push> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private PushSigner signer;
    private HttpClient http;
    private Counter sentCount;
    private Counter failedCount;
    private Counter goneCount;
    private Counter retryCount;

    @PostConstruct
    void start() {
        PushSigner.registerProvider();
        try {
            signer = new PushSigner(keys, ttlSeconds, Duration.ofSeconds(10));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The VAPID keys are not a valid P-256 pair: " + e.getMessage(), e);
        }
        http = HttpClient.newBuilder()
                .executor(executor)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        sentCount = metrics.counter("pika.push.sent");
        failedCount = metrics.counter("pika.push.failed");
        goneCount = metrics.counter("pika.push.expired");
        retryCount = metrics.counter("pika.push.retried");
    }

    @PreDestroy
    void stop() {
        PushSigner.unregisterProvider();
    }

    /** Queues the payload for every target; the future completes when each one is settled. */
    public CompletableFuture<Result> send(List<PushTarget> targets, PushPayload payload, String description) {
        Batch batch = new Batch(description, targets.size());
        if (targets.isEmpty()) {
            batch.done.complete(new Result(0, 0, 0, List.of()));
            return batch.done;
        }
        byte[] bytes = payload.bytes();
        targets.forEach(target -> queue.add(new Push(batch, target, bytes, payload.urgency(), 1)));
        pump();
        return batch.done.whenComplete((result, error) -> LOG.info(() -> "Push " + description + ": "
                + result.sent() + " sent, " + result.failed() + " failed (" + result.gone().size() + " expired) of " + result.total()));
    }

    /** Starts queued pushes while fewer than {@code parallelism} are in flight. */
    private void pump() {
        while (!queue.isEmpty()) {
            int busy = inFlight.get();
            if (busy >= parallelism) {
                return;
            }
            if (!inFlight.compareAndSet(busy, busy + 1)) {
                continue;
            }
            Push push = queue.poll();
            if (push == null) {
                inFlight.decrementAndGet();
                continue;
            }
            attempt(push).whenComplete((ignored, error) -> {
                inFlight.decrementAndGet();
                pump();
            });
        }
    }

    private CompletableFuture<Void> attempt(Push push) {
        return CompletableFuture
                .supplyAsync(() -> {
                    try {
                        return signer.request(push.target(), push.payload(), push.urgency());
                    } catch (GeneralSecurityException e) {
                        throw new IllegalArgumentException(e.getMessage(), e);
                    }
                }, executor)
                .thenCompose(request -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                .handle((response, error) -> {
                    settle(push, response, error);
                    return null;
                });
    }

    private void settle(Push push, HttpResponse<Void> response, Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof IllegalArgumentException) {
            // The subscription's keys cannot be used: no retry will help.
            LOG.warning(() -> "Push " + push.batch().description + " not sent to " + host(push) + ": " + cause.getMessage());
            failedCount.inc();
            push.batch().settle(push.target(), Fate.FAILED);
            return;
        }
        int status = response == null ? 0 : response.statusCode();
        if (status >= 200 && status < 300) {
            sentCount.inc();
            push.batch().settle(push.target(), Fate.SENT);
        } else if (status == 404 || status == 410) {
            goneCount.inc();
            failedCount.inc();
            push.batch().settle(push.target(), Fate.GONE);
        } else if ((status == 0 || status == 429 || status >= 500) && push.attempt() < maxAttempts) {
            retryCount.inc();
            Duration wait = backoff(push, response);
            LOG.fine(() -> "Push to " + host(push) + " answered " + (cause != null ? cause : status) + ", retry in " + wait.toMillis() + " ms");
            CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS, executor).execute(() -> {
                queue.add(push.next());
                pump();
            });
        } else {
            failedCount.inc();
            String why = cause != null ? cause.toString() : "HTTP " + status;
            LOG.log(status == 0 || status >= 500 || status == 429 ? Level.INFO : Level.WARNING,
                    () -> "Push " + push.batch().description + " to " + host(push) + " failed after " + push.attempt() + " attempt(s): " + why);
            push.batch().settle(push.target(), Fate.FAILED);
        }
    }

    /** The push service's Retry-After (seconds) when it gave one, else doubling with jitter; at most a minute. */
    private Duration backoff(Push push, HttpResponse<Void> response) {
        Duration wait = firstRetry.multipliedBy(1L << Math.min(push.attempt() - 1, 10));
        if (response != null) {
            var retryAfter = response.headers().firstValue("Retry-After");
            if (retryAfter.isPresent() && retryAfter.get().strip().matches("\\d{1,6}")) {
                wait = Duration.ofSeconds(Long.parseLong(retryAfter.get().strip()));
            }
        }
        long jitter = ThreadLocalRandom.current().nextLong(Math.max(1, wait.toMillis() / 5) + 1);
        Duration total = wait.plusMillis(jitter);
        return total.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : total;
    }

    private static String host(Push push) {
        try {
            return java.net.URI.create(push.target().endpoint()).getHost();
        } catch (IllegalArgumentException e) {
            return "an invalid endpoint";
        }
    }
}
