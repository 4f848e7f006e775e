package stream.pika.platform.entity;

import stream.pika.platform.entity.PikaException;
import stream.pika.platform.entity.RateLimitDecision;

/** The caller used up its quota; {@link #decision()} says when it may try again. */
public class RateLimitExceeded extends PikaException {

    private static final long serialVersionUID = 1L;

    private final transient RateLimitDecision decision;

    public RateLimitExceeded(RateLimitDecision decision) {
        super(Kind.RATE_LIMITED, "Too many requests, please try again later");
        this.decision = decision;
    }

    public RateLimitDecision decision() {
        return decision;
    }
}
