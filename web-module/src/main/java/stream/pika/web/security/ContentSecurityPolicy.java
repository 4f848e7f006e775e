package stream.pika.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

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
            ";visibility:hidden;",   // p:dataTable with reflow, until laid out
            "max-height:200px"       // p:selectOneMenu's list
    );
    private static final String POLICY = ResponseHeaders.policyBeforeScriptNonce(styleSources());

    public String getForFaces() {
        return POLICY;
    }

    static String styleSources() {
        return "'self' 'unsafe-hashes' " + PRIMEFACES_STYLE_ATTRIBUTES.stream()
                .map(style -> "'sha256-" + sha256(style) + "'").collect(Collectors.joining(" "));
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
