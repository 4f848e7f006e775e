package stream.pika.crate.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import stream.pika.crate.control.CatalogRepository;
import stream.pika.crate.control.MatchDecider;
import stream.pika.crate.control.MatchRepository;
import stream.pika.crate.control.PlayKeys;
import stream.pika.crate.control.SpotifyPacer;
import stream.pika.crate.control.TrackNormalizer;
import stream.pika.crate.entity.Candidate;
import stream.pika.crate.entity.MatchDecision;
import stream.pika.crate.entity.MatchMethod;
import stream.pika.crate.entity.MatchStatus;
import stream.pika.crate.entity.PlayedName;
import stream.pika.identity.boundary.SpotifyCatalog;
import stream.pika.identity.entity.SpotifyFailure;
import stream.pika.identity.entity.SpotifyTrack;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The matcher as the track-matching job calls it, a chunk at a time: the plays still undecided,
 * their decisions (catalog candidates, then {@link MatchDecider}), and writing them. Each call
 * is its own transaction: the batch runtime's checkpoints live in their own database.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class TrackMatching {

    /** Candidates read per play. */
    static final int CANDIDATES = 12;
    static final double SPOTIFY_CONFIDENT = 0.8;
    static final MatchDecider.Thresholds SPOTIFY_BANDS = new MatchDecider.Thresholds(SPOTIFY_CONFIDENT, 0.5);
    private static final Logger LOG = Logger.getLogger(TrackMatching.class.getName());

    @Inject
    SpotifyCatalog spotify;

    @Inject
    SpotifyPacer pacer;

    @Inject
    Clock clock;

    @Inject
    MatchRepository matches;

    @Inject
    CatalogRepository catalog;

    public List<PlayedName> undecided(long afterId, int limit) {
        return matches.undecided(afterId, limit);
    }

    /**
     * The chunk's decisions. With {@code askSpotify}, a play the catalog cannot link is searched
     * on Spotify: a confident hit (at least {@value #SPOTIFY_CONFIDENT}) becomes a catalog record
     * and links the play. A play Spotify could not be asked about (busy, failing) is left out of
     * the answer: undecided, the next run takes it.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // no transaction held open across Spotify's answers
    public List<MatchDecision> decide(List<PlayedName> plays, boolean askSpotify) {
        List<MatchDecision> decisions = decide(plays);
        if (!askSpotify || !spotify.enabled()) {
            return decisions;
        }
        List<MatchDecision> asked = new ArrayList<>(decisions.size());
        Map<String, Optional<MatchDecision>> searched = new HashMap<>(); // the same names twice in a chunk: one search
        for (int i = 0; i < plays.size(); i++) {
            MatchDecision internal = decisions.get(i);
            if (internal.status() == MatchStatus.AUTO) {
                asked.add(internal);
                continue;
            }
            PlayedName play = plays.get(i);
            String key = TrackNormalizer.searchText(play.artist(), play.title());
            try {
                Optional<MatchDecision> found = searched.containsKey(key) ? searched.get(key) : spotifyDecision(play);
                searched.put(key, found);
                asked.add(found.map(hit -> new MatchDecision(play.playedTrackId(), hit.globalTrackId(), hit.confidence(), hit.method(),
                        hit.status())).orElse(internal));
            } catch (SpotifyUnavailable e) {
                // left undecided: the next run asks again
            }
        }
        return asked;
    }

    /** Spotify could not be asked now. */
    private static final class SpotifyUnavailable extends Exception {
        private static final long serialVersionUID = 1L;

        SpotifyUnavailable() {
            super(null, null, false, false);
        }
    }

    private Optional<MatchDecision> spotifyDecision(PlayedName play) throws SpotifyUnavailable {
        Instant now = clock.instant();
        if (!pacer.open(now)) {
            throw new SpotifyUnavailable();
        }
        List<String> artists = TrackNormalizer.artists(play.artist());
        String song = TrackNormalizer.title(play.title());
        if (song.isEmpty()) {
            return Optional.empty();
        }
        List<SpotifyTrack> hits = new ArrayList<>();
        try {
            if (!artists.isEmpty()) {
                pacer.await();
                hits.addAll(spotify.searchTracks("track:\"" + song + "\" artist:\"" + artists.get(0) + "\"", 10));
            }
            if (hits.isEmpty()) {
                pacer.await();
                hits.addAll(spotify.searchTracks("track:\"" + song + "\"", 20)); // tags with the artist misspelled
            }
        } catch (SpotifyFailure e) {
            pacer.pause(now.plus(e.retryAfter().orElse(pacer.failurePause())));
            LOG.info(() -> "Spotify search paused for matching: " + e.getMessage());
            throw new SpotifyUnavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpotifyUnavailable();
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) {
            SpotifyTrack hit = hits.get(i);
            candidates.add(new Candidate(i, hit.title(), String.join(", ", hit.artists()), hit.durationMs() > 0 ? hit.durationMs() : null, null));
        }
        MatchDecision found = MatchDecider.decide(play, candidates, SPOTIFY_BANDS);
        if (found.status() != MatchStatus.AUTO) {
            return Optional.empty();
        }
        SpotifyTrack hit = hits.get(found.globalTrackId().intValue());
        long record = catalog.fromSpotify(hit.uri(), hit.title(), String.join(", ", hit.artists()), hit.durationMs() > 0 ? hit.durationMs() : null);
        return Optional.of(new MatchDecision(play.playedTrackId(), record, found.confidence(), MatchMethod.SPOTIFY, MatchStatus.AUTO));
    }

    public List<MatchDecision> decide(List<PlayedName> plays) {
        long started = System.nanoTime();
        List<PlayKeys> keys = plays.stream().map(p -> PlayKeys.of(p.artist(), p.title())).toList();
        Map<String, Long> taught = catalog.taught(keys.stream().map(PlayKeys::text).toList());
        Map<String, List<Candidate>> candidates = catalog.candidates(keys.stream().filter(k -> !taught.containsKey(k.text())).toList(), CANDIDATES);
        long looked = System.nanoTime();
        List<MatchDecision> decisions = new ArrayList<>(plays.size());
        for (int i = 0; i < plays.size(); i++) {
            Long known = taught.get(keys.get(i).text());
            decisions.add(known != null
                    // A DJ said these names are this record: every DJ's play of them is.
                    ? new MatchDecision(plays.get(i).playedTrackId(), known, 1, MatchMethod.MANUAL, MatchStatus.AUTO)
                    : MatchDecider.decide(plays.get(i), candidates.getOrDefault(keys.get(i).text(), List.of()), MatchDecider.Thresholds.DEFAULT));
        }
        long scored = System.nanoTime();
        LOG.fine(() -> "Matched " + plays.size() + " plays: catalog lookups " + (looked - started) / 1_000_000 + " ms, scoring "
                + (scored - looked) / 1_000_000 + " ms");
        return decisions;
    }

    public int record(List<MatchDecision> decisions) {
        return matches.record(decisions);
    }
}
