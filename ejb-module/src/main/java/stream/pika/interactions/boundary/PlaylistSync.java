package stream.pika.interactions.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import stream.pika.identity.boundary.SpotifyLibrary;
import stream.pika.identity.entity.SpotifyFailure;
import stream.pika.interactions.control.PlaylistOutbox;
import stream.pika.interactions.control.PlaylistSettings;
import stream.pika.interactions.entity.PlaylistWork;
import stream.pika.platform.entity.NodeIdentity;
import stream.pika.platform.entity.PikaException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends dancers' likes and unlikes to their "Pika! Likes" playlist, off every live thread, from
 * the persisted queue ({@link PlaylistOutbox}): per dancer in order and one node at a time (a
 * lease), the queue folded so that a like, unlike, like adds once, in calls of at most 100
 * tracks. Spotify's {@code 429} pauses this node for its {@code Retry-After}; a failure backs the
 * dancer off (doubling); a broken link waits for the dancer to reconnect. The playlist is made
 * on first use and made again if the dancer deleted it. A node that stops mid-send leaves the
 * dancer "uncertain": the next run reads the playlist before adding, so nothing is added twice.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PlaylistSync {

    public static final String PLAYLIST_NAME = "Pika! Likes";
    static final String PLAYLIST_DESCRIPTION = "Tracks you liked on the dance floor, added by Pika!";
    private static final Logger LOG = Logger.getLogger(PlaylistSync.class.getName());
    /** Changes folded and sent per dancer and run. */
    private static final int CHANGES_PER_RUN = 1000;
    private static final int DANCERS_PER_ROUND = 20;
    /** A node that stops mid-run hands the dancer over after this; a long run renews it as it goes. */
    private static final Duration LEASE = Duration.ofSeconds(30);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    PlaylistOutbox outbox;

    @Inject
    PlaylistSettings settings;

    @Inject
    SpotifyLibrary library;

    @Inject
    SpotifyTrackFinder finder;

    @Inject
    Clock clock;

    private volatile Instant pausedUntil = Instant.EPOCH;
    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        if (!library.enabled()) {
            return;
        }
        long millis = settings.syncInterval().toMillis();
        task = scheduler.scheduleWithFixedDelay(() -> {
            try {
                round();
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Pika! Likes round failed", e); // the schedule goes on
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** One round: every dancer due now whom no other node has, one after another. */
    void round() {
        for (long userId : outbox.dueDancers(DANCERS_PER_ROUND)) {
            if (clock.instant().isBefore(pausedUntil)) {
                return;
            }
            if (outbox.lease(userId, NodeIdentity.nodeId(), LEASE)) {
                sync(userId);
            }
        }
    }

    private void sync(long userId) {
        PlaylistWork work = outbox.work(userId, CHANGES_PER_RUN);
        if (work.changes().isEmpty()) {
            outbox.release(userId);
            return;
        }
        try {
            send(work);
        } catch (SpotifyFailure e) {
            Instant now = clock.instant();
            if (e.status() == 429) {
                Duration wait = e.retryAfter().orElse(Duration.ofSeconds(1));
                pausedUntil = now.plus(wait);
                outbox.failed(userId, now.plus(wait), false, "Spotify asked to wait " + wait.toSeconds() + " s");
                LOG.info(() -> "Spotify answered 429: Pika! Likes pauses on this node for " + wait.toSeconds() + " s");
            } else {
                int failures = outbox.failures(userId) + 1;
                Duration wait = settings.backoffAfter(failures);
                outbox.failed(userId, now.plus(wait), true, e.getMessage());
                LOG.warning(() -> "Pika! Likes of account " + userId + ": " + e.getMessage() + "; failure " + failures
                        + " in a row, next try in " + wait.toMillis() + " ms");
            }
        } catch (PikaException e) {
            // The link broke (the dancer revoked Pika!): the changes wait for a reconnect.
            outbox.release(userId);
            LOG.info(() -> "Pika! Likes of account " + userId + " wait: " + e.getMessage());
        }
    }

    private void send(PlaylistWork work) {
        long userId = work.userId();
        // Fold the queue: the last word on each track counts, in the order of the last words.
        Map<String, PlaylistWork.Change> last = new LinkedHashMap<>();
        for (PlaylistWork.Change change : work.changes()) {
            last.remove(change.trackKey());
            last.put(change.trackKey(), change);
        }
        Map<String, PlaylistWork.Entry> result = new HashMap<>();
        List<String> adds = new ArrayList<>();
        List<String> removes = new ArrayList<>();
        Map<String, String> addedKeys = new LinkedHashMap<>();
        long renewed = System.nanoTime();
        for (PlaylistWork.Change change : last.values()) {
            if (System.nanoTime() - renewed > LEASE.toNanos() / 3) {
                outbox.extend(userId, NodeIdentity.nodeId(), LEASE); // many searches: still ours
                renewed = System.nanoTime();
            }
            PlaylistWork.Entry entry = work.entries().get(change.trackKey());
            if (change.action() == PlaylistWork.Action.ADD) {
                if (entry != null) {
                    continue; // in the playlist already, or known not to be on Spotify
                }
                Optional<String> uri = finder.find(userId, change.trackKey(), change.artist(), change.title(), change.playedTrackId());
                if (uri.isEmpty()) {
                    result.put(change.trackKey(), new PlaylistWork.Entry(null, false));
                } else if (!addedKeys.containsValue(uri.get())) {
                    adds.add(uri.get());
                    addedKeys.put(change.trackKey(), uri.get());
                }
            } else if (entry != null) {
                if (entry.added()) {
                    removes.add(entry.uri());
                }
                result.put(change.trackKey(), null);
            }
        }
        String playlistId = work.playlistId();
        if (playlistId != null && !removes.isEmpty()) {
            outbox.sending(userId);
            playlistId = removeAll(userId, playlistId, removes);
        }
        if (!adds.isEmpty()) {
            if (playlistId == null) {
                playlistId = newPlaylist(userId);
            } else if (work.uncertain()) {
                Set<String> present = library.playlistUris(userId, playlistId);
                adds.removeIf(present::contains); // sent before this node (or another) stopped
            }
            outbox.sending(userId);
            for (List<String> batch : SpotifyLibrary.inCalls(adds)) {
                try {
                    library.addTracks(userId, playlistId, batch);
                } catch (SpotifyFailure e) {
                    if (e.status() != 404) {
                        throw e;
                    }
                    gone(userId);
                    playlistId = newPlaylist(userId);
                    outbox.sending(userId);
                    library.addTracks(userId, playlistId, batch);
                }
            }
        }
        addedKeys.forEach((key, uri) -> result.put(key, new PlaylistWork.Entry(uri, true)));
        long lastId = work.changes().get(work.changes().size() - 1).id();
        outbox.sent(userId, lastId, result);
        String sentTo = playlistId;
        LOG.fine(() -> "Pika! Likes of account " + userId + ": " + adds.size() + " added, " + removes.size() + " removed (" + sentTo + ")");
    }

    /** Removes the tracks; answers the playlist, or null when the dancer deleted it (nothing left to remove). */
    private String removeAll(long userId, String playlistId, List<String> uris) {
        for (List<String> batch : SpotifyLibrary.inCalls(uris)) {
            try {
                library.removeTracks(userId, playlistId, batch);
            } catch (SpotifyFailure e) {
                if (e.status() != 404) {
                    throw e;
                }
                gone(userId);
                return null;
            }
        }
        return playlistId;
    }

    /** The dancer deleted the playlist: a new one takes what comes next. */
    private void gone(long userId) {
        LOG.info(() -> "The Pika! Likes playlist of account " + userId + " is gone: a new one takes the next likes");
        outbox.playlistGone(userId);
    }

    private String newPlaylist(long userId) {
        String id = library.createPlaylist(userId, PLAYLIST_NAME, PLAYLIST_DESCRIPTION).id();
        outbox.playlistMade(userId, id);
        return id;
    }
}
