package stream.pika.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Encrypts third-party secrets before they are stored (a dancer's Spotify refresh token): AES-256-GCM
 * with a fresh 12-byte nonce each time; what is stored is a version byte, the nonce and the
 * ciphertext with its tag, so a changed byte is refused, not misread. The key is
 * {@code PIKA_SECRET_KEY} (32 bytes, base64); without it one is generated once and kept in
 * {@code PIKA_DATA_DIR/secret.key} (owner-only), like the VAPID keys. Losing the key loses the
 * stored secrets (the dancers reconnect Spotify), nothing else.
 */
@ApplicationScoped
public class SecretBox {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;
    private static final Logger LOG = Logger.getLogger(SecretBox.class.getName());

    @Inject
    @ConfigProperty(name = "pika.secret-key")
    Optional<String> configuredKey;

    @Inject
    @ConfigProperty(name = "pika.data-dir", defaultValue = ".pika")
    String dataDir;

    private final SecureRandom random = new SecureRandom();
    private SecretKey key;

    public SecretBox() {
        // for CDI
    }

    /** A box with this key (tests). */
    public SecretBox(byte[] key) {
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    @PostConstruct
    void load() {
        if (configuredKey.isPresent() && !configuredKey.get().isBlank()) {
            key = new SecretKeySpec(decoded(configuredKey.get(), "PIKA_SECRET_KEY"), "AES");
            return;
        }
        Path file = Path.of(dataDir, "secret.key");
        try {
            if (Files.exists(file)) {
                SecretFile.restrict(file);
                key = new SecretKeySpec(decoded(Files.readString(file, StandardCharsets.UTF_8), file.toAbsolutePath().toString()), "AES");
                return;
            }
            byte[] fresh = new byte[KEY_BYTES];
            random.nextBytes(fresh);
            SecretFile.write(file, Base64.getEncoder().encodeToString(fresh) + "\n");
            key = new SecretKeySpec(fresh, "AES");
            LOG.warning(() -> "No PIKA_SECRET_KEY configured: generated one in " + file.toAbsolutePath()
                    + " (set PIKA_SECRET_KEY in production, the same on every node)");
        } catch (IOException e) {
            throw StartupFailure.fail("cannot read or create the secret key in " + file.toAbsolutePath(), e);
        }
    }

    /** The text, encrypted. */
    public byte[] seal(String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * The text of what {@link #seal} made, if it was made with this key and is intact.
     */
    public Optional<String> open(byte[] sealed) {
        if (sealed == null || sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            return Optional.empty();
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            byte[] plain = cipher.doFinal(Arrays.copyOfRange(sealed, 1 + NONCE_BYTES, sealed.length));
            return Optional.of(new String(plain, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            LOG.warning("A stored secret could not be decrypted (another key, or changed): treated as absent");
            return Optional.empty();
        }
    }

    private static byte[] decoded(String text, String where) {
        try {
            byte[] bytes = Base64.getDecoder().decode(text.strip());
            if (bytes.length != KEY_BYTES) {
                throw StartupFailure.fail(where + " must hold " + KEY_BYTES + " bytes in base64 (openssl rand -base64 32)", null);
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw StartupFailure.fail(where + " is not base64 (openssl rand -base64 32)", e);
        }
    }
}
