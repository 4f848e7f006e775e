package stream.pika.live.entity;

/**
 * One axis of a DJ's vibe radar: a score from 0 to 100 and what it reads in words, or no score
 * (omitted) when too few plays carry the data it needs.
 *
 * @param key      {@code tempo}, {@code energy}, {@code danceability}, {@code era} or {@code variety}
 * @param label    the axis' name on the radar
 * @param score    0–100, null without data
 * @param reading  what the score means ("96 BPM median", "2010s releases"), null without data
 * @param samples  how many plays carried the data
 */
public record VibeDimension(String key, String label, Integer score, String reading, int samples) {

    public boolean known() {
        return score != null;
    }
}
