package stream.pika.web.rest;

import stream.pika.platform.entity.RateLimitDecision;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code RateLimit-Limit/-Remaining/-Reset} (draft 6), and {@code Retry-After} when refused. */
final class RateLimitHeaders {

    private RateLimitHeaders() {
    }

    static Map<String, Object> of(RateLimitDecision decision) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("RateLimit-Limit", decision.limit());
        headers.put("RateLimit-Remaining", decision.remaining());
        headers.put("RateLimit-Reset", decision.retryAfterSeconds());
        if (!decision.allowed()) {
            headers.put("Retry-After", decision.retryAfterSeconds());
        }
        return headers;
    }
}
