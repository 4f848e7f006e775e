package stream.pika.platform.boundary;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import stream.pika.platform.control.InMemoryRateLimiter;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Rate limits with their default policies, counted in memory on the test's clock. */
public final class RateLimitsFixture {

    private RateLimitsFixture() {
    }

    public static RateLimits defaults(Clock clock) {
        RateLimits limits = new RateLimits();
        limits.limiter = new InMemoryRateLimiter(clock);
        limits.config = new NoConfiguration();
        return limits;
    }

    /** Nothing configured: every quota keeps its default policy. */
    private static final class NoConfiguration implements Config {
        @Override
        public <T> T getValue(String propertyName, Class<T> propertyType) {
            throw new java.util.NoSuchElementException(propertyName);
        }

        @Override
        public ConfigValue getConfigValue(String propertyName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> Optional<T> getOptionalValue(String propertyName, Class<T> propertyType) {
            return Optional.empty();
        }

        @Override
        public Iterable<String> getPropertyNames() {
            return List.of();
        }

        @Override
        public Iterable<ConfigSource> getConfigSources() {
            return List.of();
        }

        @Override
        public <T> Optional<Converter<T>> getConverter(Class<T> forType) {
            return Optional.empty();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new IllegalArgumentException(type.getName());
        }
    }
}
