package stream.pika.live.control;

import stream.pika.live.entity.PlayStatistics;
import stream.pika.live.entity.VibeDimension;
import stream.pika.live.entity.VibeRadar;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a DJ's play statistics into the vibe radar. Each axis is 0–100:
 * <ul>
 *   <li><b>tempo</b>: the median BPM on a 60–140 scale (West Coast Swing lives around 80–110);
 *       "slow" under 88, "fast" over 108, else "mid-tempo";</li>
 *   <li><b>energy</b>: the mean energy (0–100); "laid-back" under 40, "high energy" over 65;</li>
 *   <li><b>danceability</b>: the mean danceability (0–100); "easy to dance" over 65;</li>
 *   <li><b>era</b>: the mean release year from 1960 (0) to this year (100); read as the decade;</li>
 *   <li><b>variety</b>: distinct songs per play; "rarely repeats" over 85, "plays favourites" under 50.</li>
 * </ul>
 * An axis needs {@value #MIN_SAMPLES} plays with its data, else it has no score.
 */
public final class VibeRadars {

    public static final int MIN_SAMPLES = 3;
    private static final double SLOWEST = 60;
    private static final double FASTEST = 140;
    private static final int FIRST_YEAR = 1960;

    private VibeRadars() {
    }

    public static VibeRadar of(PlayStatistics stats, int thisYear) {
        List<VibeDimension> axes = List.of(tempo(stats), energy(stats), danceability(stats), era(stats, thisYear), variety(stats));
        List<String> words = new ArrayList<>();
        for (VibeDimension axis : axes) {
            if (axis.known() && !"variety".equals(axis.key())) {
                words.add(axis.reading());
            }
        }
        return new VibeRadar(axes, words.isEmpty() ? null : String.join(", ", words), stats.plays());
    }

    static VibeDimension tempo(PlayStatistics stats) {
        if (stats.medianBpm() == null || stats.bpmSamples() < MIN_SAMPLES) {
            return unknown("tempo", "Tempo", stats.bpmSamples());
        }
        double bpm = stats.medianBpm();
        String band = bpm < 88 ? "slow" : bpm > 108 ? "fast" : "mid-tempo";
        return new VibeDimension("tempo", "Tempo", scale(bpm, SLOWEST, FASTEST), band + " (" + Math.round(bpm) + " BPM)", stats.bpmSamples());
    }

    static VibeDimension energy(PlayStatistics stats) {
        if (stats.meanEnergy() == null || stats.energySamples() < MIN_SAMPLES) {
            return unknown("energy", "Energy", stats.energySamples());
        }
        double energy = stats.meanEnergy();
        String words = energy < 40 ? "laid-back" : energy > 65 ? "high energy" : "medium energy";
        return new VibeDimension("energy", "Energy", scale(energy, 0, 100), words, stats.energySamples());
    }

    static VibeDimension danceability(PlayStatistics stats) {
        if (stats.meanDanceability() == null || stats.danceabilitySamples() < MIN_SAMPLES) {
            return unknown("danceability", "Danceability", stats.danceabilitySamples());
        }
        double dance = stats.meanDanceability();
        String words = dance > 65 ? "easy to dance" : dance < 40 ? "challenging to dance" : "danceable";
        return new VibeDimension("danceability", "Danceability", scale(dance, 0, 100), words, stats.danceabilitySamples());
    }

    static VibeDimension era(PlayStatistics stats, int thisYear) {
        if (stats.meanReleaseYear() == null || stats.yearSamples() < MIN_SAMPLES) {
            return unknown("era", "Era", stats.yearSamples());
        }
        int year = (int) Math.round(stats.meanReleaseYear());
        return new VibeDimension("era", "Era", scale(year, FIRST_YEAR, thisYear), (year / 10 * 10) + "s releases", stats.yearSamples());
    }

    static VibeDimension variety(PlayStatistics stats) {
        if (stats.plays() < MIN_SAMPLES) {
            return unknown("variety", "Variety", (int) stats.plays());
        }
        double ratio = (double) stats.uniqueSongs() / stats.plays();
        String words = ratio > 0.85 ? "rarely repeats" : ratio < 0.5 ? "plays favourites" : "some favourites";
        return new VibeDimension("variety", "Variety", scale(ratio, 0, 1),
                words + String.format(Locale.ROOT, " (%d songs in %d plays)", stats.uniqueSongs(), stats.plays()), (int) stats.plays());
    }

    private static VibeDimension unknown(String key, String label, int samples) {
        return new VibeDimension(key, label, null, null, samples);
    }

    static int scale(double value, double low, double high) {
        double share = (value - low) / (high - low);
        return (int) Math.round(Math.max(0, Math.min(1, share)) * 100);
    }
}
