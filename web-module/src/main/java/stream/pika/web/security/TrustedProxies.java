package stream.pika.web.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A set of proxy addresses and CIDR ranges, e.g. {@code 10.0.0.0/8, 127.0.0.1, ::1}. */
public final class TrustedProxies {

    private record Range(String text, byte[] network, int prefixBits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int fullBytes = prefixBits / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixBits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[fullBytes] & mask) == (network[fullBytes] & mask);
        }
    }

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    public static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    /**
     * Parses a comma-separated list of IP literals and CIDR ranges.
     *
     * @throws IllegalArgumentException naming the entry that is not an address or range
     */
    public static TrustedProxies parse(String list) {
        List<Range> ranges = new ArrayList<>();
        if (list != null) {
            for (String entry : list.split(",")) {
                String item = entry.strip();
                if (item.isEmpty()) {
                    continue;
                }
                String[] parts = item.split("/", 2);
                byte[] network = bytesOf(parts[0])
                        .orElseThrow(() -> new IllegalArgumentException("Not an IP address or CIDR range: " + item));
                int prefix = network.length * 8;
                if (parts.length == 2) {
                    try {
                        prefix = Integer.parseInt(parts[1]);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("Bad prefix length in " + item, e);
                    }
                    if (prefix < 0 || prefix > network.length * 8) {
                        throw new IllegalArgumentException("Bad prefix length in " + item);
                    }
                }
                ranges.add(new Range(item, network, prefix));
            }
        }
        return new TrustedProxies(ranges);
    }

    public boolean contains(String address) {
        return bytesOf(address).map(bytes -> ranges.stream().anyMatch(r -> r.contains(bytes))).orElse(false);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    private static Optional<byte[]> bytesOf(String address) {
        return ForwardedFor.literal(address).map(literal -> {
            try {
                return InetAddress.getByName(literal).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalStateException("a literal always parses", e);
            }
        });
    }

    @Override
    public String toString() {
        return ranges.stream().map(Range::text).toList().toString();
    }
}
