package stream.pika.events.control;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import stream.pika.events.entity.QrFormat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The QR code on a stage's wall: {@code PIKA_PUBLIC_URL/stage/{id}}, as PNG or SVG, drawn once per
 * stage, size and format and kept (the link never changes; at most {@link #CACHED} are kept).
 */
@ApplicationScoped
public class StageQrCodes {

    static final int CACHED = 512;

    private record Key(long stageId, QrFormat format, int size) {
    }

    @Inject
    @ConfigProperty(name = "pika.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    private final Map<Key, byte[]> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, byte[]> eldest) {
            return size() > CACHED;
        }
    };

    /** The link a stage's code carries. */
    public String linkOf(long stageId) {
        return publicUrl.replaceAll("/+$", "") + "/stage/" + stageId;
    }

    public byte[] code(long stageId, QrFormat format, int size) {
        Key key = new Key(stageId, format, size);
        synchronized (cache) {
            byte[] cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        byte[] drawn = draw(linkOf(stageId), format, size);
        synchronized (cache) {
            cache.put(key, drawn);
        }
        return drawn;
    }

    private static byte[] draw(String link, QrFormat format, int size) {
        // SVG: one unit per module, scaled by the viewer; PNG: drawn at the size asked.
        int pixels = format == QrFormat.PNG ? size : 0;
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(link, BarcodeFormat.QR_CODE, pixels, pixels,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
        } catch (WriterException e) {
            throw new IllegalStateException("Cannot encode " + link + " as a QR code", e);
        }
        return format == QrFormat.PNG ? png(matrix) : svg(matrix, size);
    }

    private static byte[] png(BitMatrix matrix) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            MatrixToImageWriter.writeToStream(matrix, "PNG", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One path of unit squares, one per dark module run of a row: small, crisp at any print size. */
    private static byte[] svg(BitMatrix matrix, int size) {
        int width = matrix.getWidth();
        int height = matrix.getHeight();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < height; y++) {
            int x = 0;
            while (x < width) {
                if (!matrix.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < width && matrix.get(x, y)) {
                    x++;
                }
                path.append('M').append(start).append(' ').append(y).append('h').append(x - start).append("v1h-")
                        .append(x - start).append('z');
            }
        }
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + width + " " + height + "\" width=\"" + size
                + "\" height=\"" + size + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
        return svg.getBytes(StandardCharsets.UTF_8);
    }
}
