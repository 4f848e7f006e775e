package stream.pika.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The platform's policy for PrimeFaces ({@code primefaces.CSP_POLICY} in web.xml): the same
 * directives as every other answer ({@link ResponseHeaders}), PrimeFaces adding the view's nonce.
 * PrimeFaces writes a few fixed {@code style} attributes (a dialog hidden until opened, a table
 * hidden until laid out): exactly those are allowed, by their hashes ({@code 'unsafe-hashes'}
 * admits listed attribute values only, never any other inline style).
 */
@Named("contentSecurityPolicy")
@ApplicationScoped
public class ContentSecurityPolicy {

    /** The style attributes the dashboards' components write, as written. */
    static final List<String> PRIMEFACES_STYLE_ATTRIBUTES = List.of(
            "display:none",          // p:dialog, p:confirmDialog until opened
            "display: none;",        // the same, as other components write it
            ";visibility:hidden;",   // p:dataTable with reflow, until laid out
            "max-height:200px",      // p:selectOneMenu's list
            ""                       // p:timeline (vis-timeline) adds an empty style element
    );
    /**
     * Style elements whose text PrimeFaces' scripts write, by hash: vis-timeline (p:timeline)
     * injects its own stylesheet (PrimeFaces 15.0.13). Another version changes the text: the
     * browser tests then report the new hash.
     */
    static final List<String> PRIMEFACES_STYLE_HASHES = List.of( // the fifteen blocks of its style-inject calls
            "EZNrtpjeKqQAFg8M2MfV96ErW4getbc03YBZERxa3uk=", "W5CbUX9MW1n/fiDtJhMPCHkFpSR9QDReSnKAKBaEQGE=",
            "NiPfaQIxBl6+qwCZyFPmZrtxVEhxQJGPTR+MB2NZrlA=", "9DXcDyLqW0WPaBMuXF8SPkREyvlRUALD/FuNNJOCSCs=",
            "W11cZhAags7JOcbTWu2PRTFyI83yo369xvpP2AXY2j8=", "SchMxtR8GsLWeXEVOt9zWxs7PiAfYu97HD8wGGdYyjg=",
            "b0Sua4EvDuZdWc6tx36JXy3zwoBK8J6/u9Mr5YFl7RA=", "jmKgsYzUck3ekGDY4ddZz+9s83LUT+TMzsbMAEmmUXU=",
            "XCFOt2Huafax3mhaUlU+XPL/twaGndgzT1wQN/rGH+Y=", "jmvhr6js8Nfr3zpDzc+j2AH6Wr+Lf+LzAAfbLklrY8Q=",
            "un1cEuDmdF7Ao2UVrv7mmv/zlVZLv1ngcmktWZrzjl8=", "zISFqEUj6SV7lPetRCbNr0JyLth0efr8q9Ku27M9mao=",
            "rB8Lq4CToapxHOA15bZrut123Lsi/3bX70cdZ/7zWuE=", "LdC8vwjUJyJC1++pY+5QHasFJsfNFgyWj4gzklr23ac=",
            "o5EK031TSk4YMoBve6qTK50QIX+JppO9fN7mHJu1Jr4=");
    private static final String POLICY = ResponseHeaders.policyBeforeScriptNonce(styleSources());

    public String getForFaces() {
        return POLICY;
    }

    static String styleSources() {
        return "'self' 'unsafe-hashes' " + Stream.concat(PRIMEFACES_STYLE_ATTRIBUTES.stream().map(ContentSecurityPolicy::sha256),
                PRIMEFACES_STYLE_HASHES.stream()).map(hash -> "'sha256-" + hash + "'").collect(Collectors.joining(" "));
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
