package stream.pika.live.entity;

/**
 * What a DJ's plays carry, summed over all of them: the radar is computed from these. A play's
 * BPM and energy are the desktop's analysis, else the catalog record's; danceability is the
 * desktop's; the release year is the catalog's (Smart Crate's link).
 */
public record PlayStatistics(long plays, Double medianBpm, int bpmSamples, Double meanEnergy, int energySamples,
                             Double meanDanceability, int danceabilitySamples, Double meanReleaseYear, int yearSamples,
                             long uniqueSongs) {
}
