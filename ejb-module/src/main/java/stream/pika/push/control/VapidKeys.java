package stream.pika.push.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import stream.pika.platform.control.SecretFile;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The server's VAPID key pair (P-256, base64url as browsers take it): from configuration
 * ({@code PIKA_VAPID_PUBLIC_KEY}, {@code PIKA_VAPID_PRIVATE_KEY}); without them, generated once
 * and kept in {@code <data dir>/vapid.properties}, so phones' subscriptions stay valid across
 * restarts of a developer's server.
 */
@ApplicationScoped
public class VapidKeys {

    private static final Logger LOG = Logger.getLogger(VapidKeys.class.getName());
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    @Inject
    @ConfigProperty(name = "pika.vapid.public-key")
    Optional<String> configuredPublicKey;

    @Inject
    @ConfigProperty(name = "pika.vapid.private-key")
    Optional<String> configuredPrivateKey;

    @Inject
    @ConfigProperty(name = "pika.vapid.subject", defaultValue = "mailto:admin@pika.stream")
    String subject;

    @Inject
    @ConfigProperty(name = "pika.data-dir", defaultValue = ".pika")
    String dataDir;

    private String publicKey;
    private String privateKey;

    @PostConstruct
    void load() {
        if (configuredPublicKey.isPresent() && configuredPrivateKey.isPresent()) {
            publicKey = configuredPublicKey.get().strip();
            privateKey = configuredPrivateKey.get().strip();
            return;
        }
        Path file = Path.of(dataDir, "vapid.properties");
        try {
            Properties stored = new Properties();
            if (Files.exists(file)) {
                SecretFile.restrict(file);
                try (Reader in = Files.newBufferedReader(file)) {
                    stored.load(in);
                }
            }
            if (stored.getProperty("public") == null || stored.getProperty("private") == null) {
                String[] pair = generate();
                stored.setProperty("public", pair[0]);
                stored.setProperty("private", pair[1]);
                StringWriter text = new StringWriter();
                stored.store(text, "Pika! VAPID keys, generated because PIKA_VAPID_PUBLIC_KEY/PRIVATE_KEY are not set");
                SecretFile.write(file, text.toString());
                LOG.warning(() -> "No VAPID keys configured: generated a pair in " + file.toAbsolutePath()
                        + " (set PIKA_VAPID_PUBLIC_KEY and PIKA_VAPID_PRIVATE_KEY in production)");
            }
            publicKey = stored.getProperty("public");
            privateKey = stored.getProperty("private");
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load or create the VAPID keys in " + file.toAbsolutePath(), e);
        }
    }

    /** The public key browsers pass as {@code applicationServerKey} (65-byte uncompressed point, base64url). */
    public String publicKey() {
        return publicKey;
    }

    /** The private scalar (32 bytes, base64url). */
    public String privateKey() {
        return privateKey;
    }

    public String subject() {
        return subject;
    }

    /** A new P-256 pair: {public (uncompressed point), private (scalar)}, base64url. */
    static String[] generate() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        var pair = generator.generateKeyPair();
        ECPublicKey pub = (ECPublicKey) pair.getPublic();
        byte[] point = new byte[65];
        point[0] = 4;
        copyUnsigned(pub.getW().getAffineX(), point, 1);
        copyUnsigned(pub.getW().getAffineY(), point, 33);
        byte[] scalar = new byte[32];
        copyUnsigned(((ECPrivateKey) pair.getPrivate()).getS(), scalar, 0);
        return new String[]{URL.encodeToString(point), URL.encodeToString(scalar)};
    }

    /** Writes the number as exactly 32 big-endian bytes. */
    private static void copyUnsigned(BigInteger value, byte[] into, int offset) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, into, offset + 32 - length, length);
    }
}
