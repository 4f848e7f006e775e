package stream.pika.platform.control;

/** The rate-limit contract, in this process's memory. */
class InMemoryRateLimiterContractTest extends RateLimiterContract {

    @Override
    RateLimiter limiter() {
        return new InMemoryRateLimiter(clock);
    }
}
