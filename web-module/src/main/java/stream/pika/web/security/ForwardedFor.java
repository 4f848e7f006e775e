package stream.pika.web.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Picks the client address from proxy headers. Only called when the direct peer is a trusted
 * proxy: walks {@code X-Forwarded-For} from the right and takes the first hop that is not itself
 * a trusted proxy. Only IP literals count, so a header value never causes a DNS lookup.
 */
public final class ForwardedFor {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private ForwardedFor() {
    }

    /** The one header a deployment trusts to name the client (its edge proxy writes it). */
    public enum Header {
        /** Written by a proxy such as nginx: a list, the client's own entries on the left. */
        X_FORWARDED_FOR("X-Forwarded-For"),
        /** Written by Cloudflare: one address. */
        CF_CONNECTING_IP("CF-Connecting-IP");

        private final String name;

        Header(String name) {
            this.name = name;
        }

        public String headerName() {
            return name;
        }

        /** The header a setting names (its HTTP name, any case). */
        public static Header named(String setting) {
            for (Header header : values()) {
                if (header.name.equalsIgnoreCase(setting.strip())) {
                    return header;
                }
            }
            throw new IllegalArgumentException("pika.client-ip-header must be X-Forwarded-For or CF-Connecting-IP, not " + setting);
        }
    }

    /**
     * @param header  the header this deployment trusts
     * @param value   its value, or null
     * @param trusted the trusted proxies
     * @return the client address the header names, if it names a valid one
     */
    public static Optional<String> client(Header header, String value, TrustedProxies trusted) {
        if (header == Header.CF_CONNECTING_IP) {
            return literal(value);
        }
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        List<String> hops = List.of(value.split(","));
        String leftmostValid = null;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<String> hop = literal(hops.get(i));
            if (hop.isEmpty()) {
                return Optional.empty();
            }
            if (!trusted.contains(hop.get())) {
                return hop;
            }
            leftmostValid = hop.get();
        }
        return Optional.ofNullable(leftmostValid);
    }

    /** The normalised form of an IP literal, or empty for anything else (host names included). */
    public static Optional<String> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String candidate = text.strip();
        if (candidate.startsWith("[") && candidate.endsWith("]")) {
            candidate = candidate.substring(1, candidate.length() - 1);
        }
        if (!IPV4.matcher(candidate).matches() && !IPV6.matcher(candidate).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(candidate).getHostAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
