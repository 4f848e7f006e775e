package stream.pika.platform.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Facts fixed at build time, read once from {@code META-INF/pika-build.properties}. */
public final class BuildInfo {

    /** The application's version, e.g. {@code 0.4.0-SNAPSHOT}. */
    public static final String VERSION = load().getProperty("version", "unknown");

    private BuildInfo() {
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/META-INF/pika-build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
