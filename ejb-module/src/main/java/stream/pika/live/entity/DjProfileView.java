package stream.pika.live.entity;

import java.util.List;

/**
 * A DJ's public profile ({@code /dj/{slug}}). {@code verified}: the DJ has played a set on a stage
 * of a published Pika! event (an organizer's stage, not only sets of their own). {@code hoursLive}
 * sums every set's length; {@code uniqueTracks} counts songs through the catalog (two spellings
 * Smart Crate linked to one record are one song).
 */
public record DjProfileView(long djId, String slug, String displayName, String bio, String avatarUrl, boolean verified,
                            long setsPlayed, long eventsPlayed, double hoursLive, long uniqueTracks, List<UpcomingGig> upcoming,
                            VibeRadar radar) {
}
