package stream.pika.platform.control;

import org.redisson.config.Config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * {@code PIKA_REDIS_URL} in one of its forms, turned into a Redisson configuration:
 * <ul>
 *   <li>{@code redis://[user:password@]host[:port][/db]}, {@code rediss://…} for TLS: one server;</li>
 *   <li>{@code redis-sentinel://[user:password@]host:port[,host:port…]/master[/db]}: Sentinel;</li>
 *   <li>{@code redis-cluster://[user:password@]host:port[,host:port…]}: Redis Cluster.</li>
 * </ul>
 *
 * @param mode     SINGLE, SENTINEL or CLUSTER
 * @param tls      whether the servers speak TLS
 * @param hosts    host:port of each server (sentinels for SENTINEL)
 * @param master   the Sentinel master name (SENTINEL only)
 * @param database the database number (not for CLUSTER)
 */
public record RedisUrl(Mode mode, boolean tls, List<String> hosts, String master, int database, String user, String password) {

    public enum Mode { SINGLE, SENTINEL, CLUSTER }

    /** @throws IllegalArgumentException with a message that names the problem (never the password) */
    public static RedisUrl parse(String url) {
        int schemeEnd = url.indexOf("://");
        if (schemeEnd < 0) {
            throw new IllegalArgumentException("PIKA_REDIS_URL must look like redis://host:6379");
        }
        String scheme = url.substring(0, schemeEnd);
        String rest = url.substring(schemeEnd + 3);
        String user = null;
        String password = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String credentials = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = credentials.indexOf(':');
            user = decode(colon < 0 ? credentials : credentials.substring(0, colon));
            password = colon < 0 ? null : decode(credentials.substring(colon + 1));
            if (user.isEmpty()) {
                user = null;
            }
        }
        int slash = rest.indexOf('/');
        String hostPart = slash < 0 ? rest : rest.substring(0, slash);
        List<String> path = slash < 0 ? List.of() : Arrays.stream(rest.substring(slash + 1).split("/")).filter(p -> !p.isEmpty()).toList();
        List<String> hosts = Arrays.stream(hostPart.split(",")).map(String::strip).filter(h -> !h.isEmpty())
                .map(h -> h.contains(":") ? h : h + ":6379").toList();
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("PIKA_REDIS_URL names no host");
        }
        return switch (scheme) {
            case "redis", "rediss" -> new RedisUrl(Mode.SINGLE, scheme.equals("rediss"), hosts.subList(0, 1), null,
                    path.isEmpty() ? 0 : number(path.get(0)), user, password);
            case "redis-sentinel", "rediss-sentinel" -> {
                if (path.isEmpty()) {
                    throw new IllegalArgumentException("A Sentinel URL needs the master name: redis-sentinel://host:26379/mymaster");
                }
                yield new RedisUrl(Mode.SENTINEL, scheme.startsWith("rediss"), hosts, path.get(0),
                        path.size() > 1 ? number(path.get(1)) : 0, user, password);
            }
            case "redis-cluster", "rediss-cluster" -> new RedisUrl(Mode.CLUSTER, scheme.startsWith("rediss"), hosts, null, 0, user, password);
            default -> throw new IllegalArgumentException("PIKA_REDIS_URL scheme must be redis, rediss, redis-sentinel or redis-cluster, not " + scheme);
        };
    }

    /** The servers' addresses as Redisson takes them. */
    List<String> addresses() {
        String scheme = tls ? "rediss://" : "redis://";
        return hosts.stream().map(h -> scheme + h).toList();
    }

    /** Applies the servers, credentials and the given timeouts to a Redisson configuration. */
    void applyTo(Config config, int timeoutMillis, int connectTimeoutMillis, org.redisson.config.DelayStrategy reconnect) {
        switch (mode) {
            case SINGLE -> config.useSingleServer().setAddress(addresses().get(0)).setDatabase(database)
                    .setUsername(user).setPassword(password)
                    .setTimeout(timeoutMillis).setConnectTimeout(connectTimeoutMillis).setRetryAttempts(0)
                    .setReconnectionDelay(reconnect).setPingConnectionInterval(1_000)
                    .setConnectionMinimumIdleSize(8).setConnectionPoolSize(64)
                    .setSubscriptionConnectionMinimumIdleSize(1);
            case SENTINEL -> config.useSentinelServers().setMasterName(master).addSentinelAddress(addresses().toArray(String[]::new))
                    .setDatabase(database).setUsername(user).setPassword(password)
                    .setMasterConnectionMinimumIdleSize(8).setMasterConnectionPoolSize(64)
                    .setTimeout(timeoutMillis).setConnectTimeout(connectTimeoutMillis).setRetryAttempts(0)
                    .setReconnectionDelay(reconnect).setPingConnectionInterval(1_000);
            case CLUSTER -> config.useClusterServers().addNodeAddress(addresses().toArray(String[]::new))
                    .setUsername(user).setPassword(password)
                    .setMasterConnectionMinimumIdleSize(8).setMasterConnectionPoolSize(64)
                    .setTimeout(timeoutMillis).setConnectTimeout(connectTimeoutMillis).setRetryAttempts(0)
                    .setReconnectionDelay(reconnect).setPingConnectionInterval(1_000);
        }
    }

    /** For logs: the URL without its credentials. */
    public String describe() {
        return mode.name().toLowerCase() + (tls ? " (TLS)" : "") + " " + String.join(",", hosts)
                + (master == null ? "" : " master " + master) + (mode == Mode.CLUSTER ? "" : " db " + database);
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("PIKA_REDIS_URL: the database must be a number, not " + text);
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return describe();
    }
}
