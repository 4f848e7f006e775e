package stream.pika.platform.control;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedisUrlTest {

    @Test
    void oneServerWithDatabaseAndPassword() {
        RedisUrl url = RedisUrl.parse("redis://:s3cr%40t@cache.example:6380/2");
        assertEquals(RedisUrl.Mode.SINGLE, url.mode());
        assertEquals(List.of("redis://cache.example:6380"), url.addresses());
        assertEquals(2, url.database());
        assertNull(url.user());
        assertEquals("s3cr@t", url.password());
        assertFalse(url.describe().contains("s3cr"), "never the password in logs");
    }

    @Test
    void tlsUserAndDefaultPort() {
        RedisUrl url = RedisUrl.parse("rediss://pika:pw@cache.example");
        assertTrue(url.tls());
        assertEquals(List.of("rediss://cache.example:6379"), url.addresses());
        assertEquals("pika", url.user());
        assertEquals(0, url.database());
    }

    @Test
    void sentinelAndCluster() {
        RedisUrl sentinel = RedisUrl.parse("redis-sentinel://:pw@s1:26379,s2:26379/mymaster/3");
        assertEquals(RedisUrl.Mode.SENTINEL, sentinel.mode());
        assertEquals(List.of("redis://s1:26379", "redis://s2:26379"), sentinel.addresses());
        assertEquals("mymaster", sentinel.master());
        assertEquals(3, sentinel.database());

        RedisUrl cluster = RedisUrl.parse("redis-cluster://n1:7000,n2:7001,n3");
        assertEquals(RedisUrl.Mode.CLUSTER, cluster.mode());
        assertEquals(List.of("redis://n1:7000", "redis://n2:7001", "redis://n3:6379"), cluster.addresses());
    }

    @Test
    void badUrlsSayWhatIsWrong() {
        assertEquals("PIKA_REDIS_URL must look like redis://host:6379",
                assertThrows(IllegalArgumentException.class, () -> RedisUrl.parse("localhost:6379")).getMessage());
        assertEquals("PIKA_REDIS_URL scheme must be redis, rediss, redis-sentinel or redis-cluster, not http",
                assertThrows(IllegalArgumentException.class, () -> RedisUrl.parse("http://x:1")).getMessage());
        assertEquals("A Sentinel URL needs the master name: redis-sentinel://host:26379/mymaster",
                assertThrows(IllegalArgumentException.class, () -> RedisUrl.parse("redis-sentinel://s1:26379")).getMessage());
        assertEquals("PIKA_REDIS_URL: the database must be a number, not x",
                assertThrows(IllegalArgumentException.class, () -> RedisUrl.parse("redis://h:1/x")).getMessage());
    }
}
