package stream.pika.live.entity;

import java.util.List;

/**
 * A DJ's vibe radar, computed from every play of the DJ's sets: five dimensions and the sentence
 * "mostly plays: …" made from the ones with data (null when none has).
 */
public record VibeRadar(List<VibeDimension> dimensions, String mostlyPlays, long plays) {
}
