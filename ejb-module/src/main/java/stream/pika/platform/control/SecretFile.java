package stream.pika.platform.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Files holding secrets the application writes itself (generated keys): readable by their owner
 * only (0600), from the moment they exist, never world-readable for an instant. A secret file
 * found with wider permissions is narrowed, and the log says so.
 */
public final class SecretFile {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Logger LOG = Logger.getLogger(SecretFile.class.getName());

    private SecretFile() {
    }

    /** Writes {@code text} to {@code file} (replacing it) with owner-only permissions. */
    public static void write(Path file, String text) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = posix()
                ? Files.createTempFile(directory, ".secret", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(directory, ".secret", ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Narrows an existing secret file to owner-only permissions if it is wider. */
    public static void restrict(Path file) throws IOException {
        if (posix() && Files.exists(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
            LOG.warning(() -> file.toAbsolutePath() + " was readable by others; now readable by its owner only (0600)");
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
