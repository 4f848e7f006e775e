package stream.pika.web.security;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForwardedForTest {

    private static final ForwardedFor.Header XFF = ForwardedFor.Header.X_FORWARDED_FOR;
    private static final ForwardedFor.Header CF = ForwardedFor.Header.CF_CONNECTING_IP;

    private final TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 127.0.0.1, ::1, fd00::/8");

    @Test
    void trustedRangesMatch() {
        assertTrue(proxies.contains("10.1.2.3"));
        assertTrue(proxies.contains("127.0.0.1"));
        assertTrue(proxies.contains("::1"));
        assertTrue(proxies.contains("0:0:0:0:0:0:0:1"));
        assertTrue(proxies.contains("fd12:3456::1"));
        assertFalse(proxies.contains("11.0.0.1"));
        assertFalse(proxies.contains("127.0.0.2"));
        assertFalse(proxies.contains("localhost"), "names never count");
        assertTrue(TrustedProxies.parse("192.168.1.128/25").contains("192.168.1.200"));
        assertFalse(TrustedProxies.parse("192.168.1.128/25").contains("192.168.1.100"));
        assertTrue(TrustedProxies.parse(" ").isEmpty());
    }

    @Test
    void badSettingsAreNamed() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/33"));
        assertTrue(bad.getMessage().contains("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("proxy.example.com"));
    }

    @Test
    void onlyTheConfiguredHeaderCounts() {
        assertEquals(Optional.of("198.51.100.7"), ForwardedFor.client(CF, "198.51.100.7", proxies));
        assertEquals(Optional.empty(), ForwardedFor.client(CF, "198.51.100.7, 203.0.113.1", proxies), "one address, not a list");
        assertEquals(ForwardedFor.Header.CF_CONNECTING_IP, ForwardedFor.Header.named("cf-connecting-ip"));
        assertThrows(IllegalArgumentException.class, () -> ForwardedFor.Header.named("X-Real-IP"));
    }

    @Test
    void rightmostUntrustedHopIsTheClient() {
        // the client put a fake first entry; our proxies appended the real address and themselves
        assertEquals(Optional.of("203.0.113.9"),
                ForwardedFor.client(XFF, "1.2.3.4, 203.0.113.9, 10.0.0.5", proxies));
        assertEquals(Optional.of("10.0.0.4"), ForwardedFor.client(XFF, "10.0.0.4, 10.0.0.5", proxies),
                "all hops trusted: the first");
    }

    @Test
    void garbageIsIgnored() {
        assertEquals(Optional.empty(), ForwardedFor.client(XFF, null, proxies));
        assertEquals(Optional.empty(), ForwardedFor.client(CF, "not-an-ip", proxies));
        assertEquals(Optional.empty(), ForwardedFor.client(XFF, " ", proxies));
        assertEquals(Optional.empty(), ForwardedFor.client(XFF, "evil.example.com", proxies));
        assertEquals(Optional.empty(), ForwardedFor.client(XFF, "999.1.1.1", proxies));
        assertEquals(Optional.of("2001:db8:0:0:0:0:0:1"), ForwardedFor.client(XFF, "[2001:db8::1]", proxies));
    }
}
