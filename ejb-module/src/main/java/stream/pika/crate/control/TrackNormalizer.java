package stream.pika.crate.control;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What a DJ's software reports, brought to a form two spellings of one song share: lower case,
 * no diacritics, no punctuation; titles without a track number, a file extension, a featured
 * artist or a tag that does not change the song ("Extended Mix", "Radio Edit", "Remastered
 * 2011"); artists as their sorted main names ("A feat. B & C" is {a, b, c}). A remix, live or
 * acoustic version keeps its words: it is another recording.
 */
public final class TrackNormalizer {

    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");
    private static final Pattern EXTENSION = Pattern.compile("\\.(mp3|flac|wav|m4a|aiff?|ogg|aac|alac|wma)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern TRACK_NUMBER = Pattern.compile(
            "^\\s*(?:(?:\\d{1,3}|[a-d]\\d{1,2})\\s*[-._)\\]]|0\\d\\s)\\s*", Pattern.CASE_INSENSITIVE);
    /** Words that make another recording of a song: a remix or a live take is not the studio original. */
    private static final java.util.Set<String> VERSION_WORDS = java.util.Set.of("remix", "live", "acoustic", "instrumental", "demo",
            "karaoke", "rework", "bootleg", "vip", "dub", "reprise", "unplugged", "cover", "mashup", "edit");
    private static final Pattern FEATURING = Pattern.compile(
            "\\s*[(\\[]\\s*(?:feat\\.?|ft\\.?|featuring|with)\\s+[^)\\]]*[)\\]]|\\s+(?:feat\\.?|ft\\.?|featuring)\\s+.*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NEUTRAL_TAG = Pattern.compile(
            "\\s*(?:[(\\[]|-\\s)\\s*(?:(?:\\d{4}\\s+)?remaster(?:ed)?(?:\\s+\\d{4})?(?:\\s+version)?|(?:extended|original|club|radio)\\s+(?:mix|edit|version)"
                    + "|radio\\s+edit|album\\s+version|single\\s+version|explicit|clean|clean\\s+version|mono|stereo)\\s*[)\\]]?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern ARTIST_SEPARATORS = Pattern.compile("\\s*(?:,|;|&|\\+|/|\\bx\\b|\\band\\b|\\bvs\\.?|\\bfeat\\.?|\\bft\\.?|\\bfeaturing\\b|\\bwith\\b)\\s*",
            Pattern.CASE_INSENSITIVE);

    /**
     * Normalized names already worked out: the matcher scores each play against up to a dozen
     * records, and an artist's records against many plays, so the same strings come back all
     * through a run (the regular expressions were a good part of a chunk's time). Pure functions,
     * so a shared cache is safe; bounded, emptied when full.
     */
    private static final int MOST_REMEMBERED = 50_000;
    private static final Map<String, String> TITLES = new ConcurrentHashMap<>();
    private static final Map<String, List<String>> ARTISTS = new ConcurrentHashMap<>();

    private TrackNormalizer() {
    }

    private static <T> T remembered(Map<String, T> cache, String raw, Function<String, T> normalize) {
        T known = cache.get(raw);
        if (known != null) {
            return known;
        }
        if (cache.size() >= MOST_REMEMBERED) {
            cache.clear();
        }
        T normalized = normalize.apply(raw);
        cache.put(raw, normalized);
        return normalized;
    }

    /** Lower case, diacritics removed, "&" as "and", every run of punctuation and spaces as one space. */
    public static String text(String raw) {
        if (raw == null) {
            return "";
        }
        String plain = DIACRITICS.matcher(Normalizer.normalize(raw, Normalizer.Form.NFD)).replaceAll("");
        return NOT_WORD.matcher(plain.toLowerCase(Locale.ROOT).replace("&", " and ")).replaceAll(" ").strip();
    }

    /** A title as the song's name: no track number, extension, featured artist or neutral tag. */
    public static String title(String raw) {
        if (raw == null) {
            return "";
        }
        return remembered(TITLES, raw, TrackNormalizer::normalizedTitle);
    }

    private static String normalizedTitle(String raw) {
        String title = EXTENSION.matcher(raw.replace('_', ' ').strip()).replaceAll("");
        title = TRACK_NUMBER.matcher(title).replaceFirst("");
        title = FEATURING.matcher(title).replaceAll(" ");
        title = NEUTRAL_TAG.matcher(title).replaceAll(" ");
        String normalized = text(title);
        return normalized.isEmpty() ? text(raw) : normalized;
    }

    /**
     * What the catalog's trigram index compares: the artists then the song's name, normalized.
     * A file named "Artist - Title" with no artist is read as such.
     */
    public static String searchText(String artist, String title) {
        if ((artist == null || artist.isBlank()) && title != null) {
            int dash = title.indexOf(" - ");
            if (dash > 0) {
                return (artist(title.substring(0, dash)) + " " + title(title.substring(dash + 3))).strip();
            }
        }
        return (artist(artist) + " " + title(title)).strip();
    }

    /** The version words of a normalized title ("remix", "live", …): two recordings differ when these do. */
    public static java.util.Set<String> versionWords(String normalizedTitle) {
        java.util.Set<String> words = new java.util.TreeSet<>();
        for (String word : normalizedTitle.split(" ")) {
            if (VERSION_WORDS.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    /** The main artists' names, each normalized, sorted, joined by a space. */
    public static String artist(String raw) {
        return String.join(" ", artists(raw));
    }

    /** The artists a credit names ("A feat. B & C"), each normalized, sorted. */
    public static List<String> artists(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        return remembered(ARTISTS, raw, TrackNormalizer::normalizedArtists);
    }

    private static List<String> normalizedArtists(String raw) {
        return Arrays.stream(ARTIST_SEPARATORS.split(raw.replace('_', ' '))).map(TrackNormalizer::text)
                .map(name -> name.startsWith("the ") ? name.substring(4) : name) // "The Velvet Foxes" is "Velvet Foxes"
                .filter(name -> !name.isEmpty())
                .distinct().sorted().toList();
    }
}
