package stream.pika.crate.control;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import stream.pika.crate.entity.CatalogTrack;
import stream.pika.crate.entity.RefusedRow;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads a Spotify playlist export in the Exportify CSV format by its headers, whichever of its
 * generations wrote it: the older "Spotify ID" / "Artist IDs" set and the newer "Track URI" /
 * "Artist URI(s)" one (with "Track Duration (ms)", "Album Release Date", "ISRC"). A row it cannot
 * use is refused with its line number and the file goes on.
 */
public final class ExportifyCsv {

    /** The header names each field goes by, newer first. */
    private static final Map<String, List<String>> HEADERS = Map.ofEntries(
            Map.entry("uri", List.of("track uri", "spotify uri")),
            Map.entry("id", List.of("spotify id", "track id")),
            Map.entry("title", List.of("track name", "name", "title")),
            Map.entry("artist", List.of("artist name(s)", "artist names", "artist name", "artist")),
            Map.entry("album", List.of("album name", "album")),
            Map.entry("duration", List.of("track duration (ms)", "duration (ms)", "duration_ms")),
            Map.entry("release", List.of("album release date", "release date")),
            Map.entry("isrc", List.of("isrc")),
            Map.entry("tempo", List.of("tempo", "bpm")),
            Map.entry("energy", List.of("energy")),
            Map.entry("key", List.of("key")),
            Map.entry("mode", List.of("mode")));
    private static final Pattern TRACK_URI = Pattern.compile("spotify:track:[0-9A-Za-z]{22}");
    private static final Pattern TRACK_ID = Pattern.compile("[0-9A-Za-z]{22}");
    private static final Pattern ISRC = Pattern.compile("[A-Z]{2}[A-Z0-9]{3}[0-9]{7}");
    private static final Pattern YEAR = Pattern.compile("^(\\d{4})");
    private static final String[] KEYS = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};

    /** What the header row named: the column of each field this reader knows. */
    public record Columns(Map<String, Integer> positions) {
        Optional<String> value(CSVRecord row, String field) {
            Integer at = positions.get(field);
            if (at == null || at >= row.size()) {
                return Optional.empty();
            }
            String value = row.get(at).strip();
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        }
    }

    private ExportifyCsv() {
    }

    /**
     * Reads every row: {@code tracks} gets each usable one, {@code refused} each other with its
     * line. Answers the rows read.
     *
     * @throws IllegalArgumentException when the header names no track id or title (not an Exportify file)
     */
    public static long read(Reader csv, Consumer<CatalogTrack> tracks, Consumer<RefusedRow> refused) {
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(false).get().parse(csv)) {
            Columns columns = columns(parser.getHeaderNames());
            if (!columns.positions().containsKey("title") || (!columns.positions().containsKey("uri")
                    && !columns.positions().containsKey("id") && !columns.positions().containsKey("isrc"))) {
                throw new IllegalArgumentException("Not a Spotify playlist export: the header names no \"Track URI\" (or \"Spotify ID\") and \"Track Name\"");
            }
            long rows = 0;
            long linesBefore = parser.getCurrentLineNumber(); // the header's
            for (CSVRecord row : parser) {
                rows++;
                long line = linesBefore + 1; // where this row starts (a quoted field may span lines)
                linesBefore = parser.getCurrentLineNumber();
                try {
                    tracks.accept(track(columns, row));
                } catch (IllegalArgumentException e) {
                    refused.accept(new RefusedRow(line, e.getMessage()));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException | IllegalStateException e) {
            // commons-csv cannot go on after a broken quote: the rows before it are kept.
            throw new IllegalArgumentException("The file is not readable CSV: " + e.getMessage());
        }
    }

    static Columns columns(List<String> headers) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i).strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT);
            for (Map.Entry<String, List<String>> field : HEADERS.entrySet()) {
                int rank = field.getValue().indexOf(header);
                if (rank >= 0) {
                    Integer known = positions.get(field.getKey());
                    if (known == null || rank < field.getValue().indexOf(headers.get(known).strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT))) {
                        positions.put(field.getKey(), i);
                    }
                }
            }
        }
        return new Columns(positions);
    }

    static CatalogTrack track(Columns columns, CSVRecord row) {
        String uri = columns.value(row, "uri").orElse(null);
        if (uri == null) {
            uri = columns.value(row, "id").map(id -> id.startsWith("spotify:track:") ? id : "spotify:track:" + id).orElse(null);
        }
        if (uri != null && !TRACK_URI.matcher(uri).matches()) {
            if (uri.startsWith("spotify:local:")) {
                throw new IllegalArgumentException("a local file, not a Spotify track");
            }
            throw new IllegalArgumentException("not a Spotify track URI: " + shortened(uri));
        }
        String isrc = columns.value(row, "isrc").map(s -> s.toUpperCase(Locale.ROOT).replace("-", "")).orElse(null);
        if (isrc != null && !ISRC.matcher(isrc).matches()) {
            throw new IllegalArgumentException("not an ISRC: " + shortened(isrc));
        }
        if (uri == null && isrc == null) {
            throw new IllegalArgumentException("no track URI and no ISRC");
        }
        String title = columns.value(row, "title").orElseThrow(() -> new IllegalArgumentException("no track name"));
        if (title.length() > 500) {
            throw new IllegalArgumentException("track name longer than 500 characters");
        }
        String artist = columns.value(row, "artist").orElse("");
        if (artist.length() > 500) {
            throw new IllegalArgumentException("artist names longer than 500 characters");
        }
        Integer duration = columns.value(row, "duration").map(v -> whole(v, "duration")).orElse(null);
        if (duration != null && duration <= 0) {
            throw new IllegalArgumentException("duration must be positive");
        }
        Integer year = columns.value(row, "release").flatMap(v -> {
            var m = YEAR.matcher(v);
            return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
        }).orElse(null);
        Double tempo = columns.value(row, "tempo").map(v -> number(v, "tempo")).filter(t -> t > 0).orElse(null);
        Double energy = columns.value(row, "energy").map(v -> number(v, "energy")).orElse(null);
        if (energy != null && (energy < 0 || energy > 1)) {
            throw new IllegalArgumentException("energy must be between 0 and 1");
        }
        return new CatalogTrack(uri, isrc, title, artist.replace(";", ", "), columns.value(row, "album").orElse(null), duration, year,
                tempo, key(columns, row), energy);
    }

    /** Spotify's pitch class (0–11) and mode (1 major, 0 minor) as a key name, e.g. "A minor". */
    private static String key(Columns columns, CSVRecord row) {
        Optional<Integer> pitch = columns.value(row, "key").map(v -> whole(v, "key")).filter(k -> k >= 0 && k < KEYS.length);
        if (pitch.isEmpty()) {
            return null; // -1: Spotify found no key
        }
        Optional<String> mode = columns.value(row, "mode").map(v -> whole(v, "mode") == 1 ? " major" : " minor");
        return KEYS[pitch.get()] + mode.orElse("");
    }

    private static int whole(String value, String name) {
        try {
            return (int) Math.round(Double.parseDouble(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a number: " + shortened(value));
        }
    }

    private static double number(String value, String name) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a number: " + shortened(value));
        }
    }

    private static String shortened(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
