package stream.pika.push.entity;

/**
 * How one send went, in the original's {@code stats} shape.
 *
 * @param sent   accepted by the push service
 * @param failed refused or unreachable after the retries (expired subscriptions included)
 * @param total  subscriptions tried
 */
public record PushReport(int sent, int failed, int total) {

    public static PushReport none() {
        return new PushReport(0, 0, 0);
    }
}
