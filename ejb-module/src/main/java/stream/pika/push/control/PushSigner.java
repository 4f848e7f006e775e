package stream.pika.push.control;

import nl.martijndwars.webpush.AbstractPushService;
import nl.martijndwars.webpush.Encoding;
import nl.martijndwars.webpush.Notification;
import nl.martijndwars.webpush.Utils;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import stream.pika.push.entity.PushPayload;
import stream.pika.push.entity.PushTarget;

import java.net.URI;
import java.net.http.HttpRequest;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Security;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a payload into the HTTP request a push service takes: encrypted for the browser
 * (RFC 8291, aes128gcm) and signed with our VAPID key (RFC 8292), by webpush-java. Only its
 * request preparation is used: the request goes out through the JDK's HttpClient.
 */
final class PushSigner extends AbstractPushService<PushSigner> {

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("content-length", "host", "connection", "expect", "upgrade");

    private final int ttlSeconds;
    private final Duration timeout;

    PushSigner(VapidKeys keys, int ttlSeconds, Duration timeout) throws GeneralSecurityException {
        super(keys.publicKey(), keys.privateKey(), keys.subject());
        this.ttlSeconds = ttlSeconds;
        this.timeout = timeout;
    }

    /**
     * Makes sure this application's BouncyCastle is the registered "BC" provider. The library asks
     * for it by name; one left behind by an earlier deployment belongs to a dead class loader and
     * its keys would not cast to this deployment's classes.
     */
    static synchronized void registerProvider() {
        Provider present = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
        if (present != null && present.getClass() == BouncyCastleProvider.class) {
            return;
        }
        if (present != null) {
            Security.removeProvider(BouncyCastleProvider.PROVIDER_NAME);
        }
        Security.addProvider(new BouncyCastleProvider());
    }

    /** Removes this application's provider, so an undeployed application leaves nothing behind. */
    static synchronized void unregisterProvider() {
        Provider present = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
        if (present != null && present.getClass() == BouncyCastleProvider.class) {
            Security.removeProvider(BouncyCastleProvider.PROVIDER_NAME);
        }
    }

    /** The encrypted, signed request for one subscription (~4 ms of CPU: call it off the live path). */
    HttpRequest request(PushTarget target, byte[] payload, PushPayload.Urgency urgency) throws GeneralSecurityException {
        try {
            Notification notification = new Notification(target.endpoint(),
                    Utils.loadPublicKey(base64Url(target.p256dh())), decode(target.auth()), payload, ttlSeconds);
            nl.martijndwars.webpush.HttpRequest prepared = prepareRequest(notification, Encoding.AES128GCM);
            URI uri = URI.create(prepared.getUrl());
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .timeout(timeout)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(prepared.getBody()));
            if ("http".equals(uri.getScheme())) {
                // Plain http is only a test push service: no h2c upgrade attempt on it.
                request.version(java.net.http.HttpClient.Version.HTTP_1_1);
            }
            prepared.getHeaders().forEach((name, value) -> {
                if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT)) && !"urgency".equalsIgnoreCase(name)) {
                    request.header(name, value);
                }
            });
            request.header("Urgency", urgency.header());
            return request.build();
        } catch (java.io.IOException | org.jose4j.lang.JoseException | IllegalArgumentException e) {
            throw new GeneralSecurityException("Cannot prepare the push: " + e.getMessage(), e);
        }
    }

    private static String base64Url(String key) {
        return key.replace('+', '-').replace('/', '_').replace("=", "");
    }

    private static byte[] decode(String key) {
        return Base64.getUrlDecoder().decode(base64Url(key));
    }
}
