package stream.pika.crate.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import stream.pika.crate.control.SetOwnership;
import stream.pika.crate.control.VerificationRepository;
import stream.pika.crate.entity.ExportName;
import stream.pika.crate.entity.PlayWithMatch;
import stream.pika.crate.entity.SetlistExport;
import stream.pika.identity.boundary.SpotifyLibrary;
import stream.pika.identity.entity.Roles;
import stream.pika.identity.entity.SpotifyFailure;
import stream.pika.identity.entity.SpotifyMessages;
import stream.pika.identity.entity.SpotifyPlaylist;
import stream.pika.platform.control.CallerIds;
import stream.pika.platform.entity.PikaException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * "Export this set to Spotify" (roadmap 4.4): the set's linked tracks (matched automatically or
 * verified) with a Spotify URI, in play order, each once, into a new playlist of the DJ's; the
 * others are named with why they were left out. A 429 with a short {@code Retry-After} is waited
 * out once; a longer one, or Spotify failing, is answered 503 with when to try again.
 */
@Stateless
@DeclareRoles({Roles.DJ})
@RolesAllowed(Roles.DJ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SetlistExports {

    /** The longest {@code Retry-After} waited out during a request (longer: the DJ tries again later). */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(SetlistExports.class.getName());

    @Inject
    VerificationRepository repository;

    @Inject
    SetOwnership owners;

    @Inject
    SpotifyLibrary library;

    @Resource
    SessionContext context;

    /**
     * @throws PikaException NOT_FOUND (no such set), FORBIDDEN (another DJ's), CONFLICT (Spotify off,
     *                       not linked, reconnect), UNAVAILABLE (Spotify busy or failing)
     */
    public SetlistExport export(String sessionId, @Valid ExportName request) {
        long dj = CallerIds.of(context);
        owners.require(sessionId, dj);
        if (!library.enabled()) {
            throw PikaException.conflict(SpotifyMessages.OFF);
        }
        Object[] facts = repository.setFacts(sessionId).orElseThrow();
        String name = request != null && request.name() != null ? request.name().strip() : facts[0] + "'s Set – " + facts[1];
        Set<String> uris = new LinkedHashSet<>();
        List<SetlistExport.LeftOut> leftOut = new ArrayList<>();
        int position = 0;
        for (PlayWithMatch play : repository.playsOf(sessionId)) {
            position++;
            String reason = reasonLeftOut(play);
            if (reason != null) {
                leftOut.add(new SetlistExport.LeftOut(position, play.artist(), play.title(), reason));
            } else {
                uris.add(play.match().spotifyUri()); // a track played twice goes in once
            }
        }
        List<String> tracks = List.copyOf(uris);
        SpotifyPlaylist playlist = patiently(() -> library.createPlaylist(dj, name, "The set as it was played, exported by Pika!"));
        for (List<String> batch : SpotifyLibrary.inCalls(tracks)) {
            patiently(() -> {
                library.addTracks(dj, playlist.id(), batch);
                return null;
            });
        }
        LOG.info(() -> "DJ account " + dj + " exported set " + sessionId + " to Spotify: " + tracks.size() + " added, " + leftOut.size() + " left out");
        return new SetlistExport(playlist.url(), name, tracks.size(), leftOut);
    }

    /** Why a play stays out of the export, or null when it goes in. */
    static String reasonLeftOut(PlayWithMatch play) {
        if (play.match() == null) {
            return "not matched yet";
        }
        return switch (play.match().status()) {
            case "auto", "confirmed" -> play.match().spotifyUri() == null ? "no Spotify URI" : null;
            case "needs_review" -> "needs review";
            default -> "unmatched";
        };
    }

    private <T> T patiently(Supplier<T> call) {
        try {
            try {
                return call.get();
            } catch (SpotifyFailure e) {
                Duration wait = e.retryAfter().orElse(null);
                if (e.status() != 429 || wait == null || wait.compareTo(LONGEST_WAIT) > 0) {
                    throw e;
                }
                Thread.sleep(wait.toMillis()); // a request thread, not a live one: one short wait, as Spotify asked
                return call.get();
            }
        } catch (SpotifyFailure e) {
            LOG.warning(() -> "Spotify export failed: " + e.getMessage());
            throw new PikaException(PikaException.Kind.UNAVAILABLE, e.status() == 429 && e.retryAfter().isPresent()
                    ? "Spotify is busy: try again in " + e.retryAfter().get().toSeconds() + " s" : SpotifyMessages.UNAVAILABLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PikaException(PikaException.Kind.UNAVAILABLE, SpotifyMessages.UNAVAILABLE);
        }
    }
}
