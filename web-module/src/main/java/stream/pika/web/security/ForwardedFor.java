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

    /**
     * @param connectingIp  the {@code CF-Connecting-IP} header, or null
     * @param forwardedFor  the {@code X-Forwarded-For} header, or null
     * @param trusted       the trusted proxies
     * @return the client address the headers name, if they name a valid one
     */
    public static Optional<String> client(String connectingIp, String forwardedFor, TrustedProxies trusted) {
        Optional<String> fromCloudflare = literal(connectingIp);
        if (fromCloudflare.isPresent()) {
            return fromCloudflare;
        }
        if (forwardedFor == null || forwardedFor.isBlank()) {
            return Optional.empty();
        }
        List<String> hops = List.of(forwardedFor.split(","));
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
