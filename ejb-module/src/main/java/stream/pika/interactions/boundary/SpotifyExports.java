package stream.pika.interactions.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import stream.pika.identity.boundary.SpotifyLibrary;
import stream.pika.identity.entity.Roles;
import stream.pika.identity.entity.SpotifyFailure;
import stream.pika.identity.entity.SpotifyMessages;
import stream.pika.identity.entity.SpotifyPlaylist;
import stream.pika.interactions.control.DancerLikeRepository;
import stream.pika.interactions.control.TrackKeys;
import stream.pika.interactions.entity.DancerLikeMessages;
import stream.pika.interactions.entity.ExportRequest;
import stream.pika.interactions.entity.ExportResult;
import stream.pika.platform.boundary.RateLimits;
import stream.pika.platform.control.CallerIds;
import stream.pika.platform.entity.PikaException;
import stream.pika.platform.entity.Quota;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * "Export to Spotify": the caller's likes of an event or of one set, in the order they were
 * liked, to a new playlist in their Spotify ({@code POST /api/dancer/exports}). Spotify's calls
 * run outside any transaction: each lookup is kept as it is found.
 */
@Stateless
@DeclareRoles({Roles.SIGNED_IN})
@RolesAllowed(Roles.SIGNED_IN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SpotifyExports {

    static final String SUFFIX = " – favourites";
    private static final Logger LOG = Logger.getLogger(SpotifyExports.class.getName());

    @Inject
    DancerLikeRepository repository;

    @Inject
    SpotifyTrackFinder finder;

    @Inject
    SpotifyLibrary library;

    @Inject
    RateLimits rateLimits;

    @Resource
    SessionContext context;

    /**
     * @throws PikaException INVALID without exactly one of eventId and sessionId, NOT_FOUND for no
     *                       such event or set or no likes there, CONFLICT without a working Spotify
     *                       link, UNAVAILABLE when Spotify fails
     */
    public ExportResult export(@NotNull @Valid ExportRequest request) {
        long userId = CallerIds.of(context);
        if ((request.eventId() == null) == (request.sessionId() == null)) {
            throw PikaException.invalid(DancerLikeMessages.EXPORT_WHAT);
        }
        if (!library.enabled()) {
            throw PikaException.conflict(SpotifyMessages.OFF);
        }
        String title = repository.exportTitle(request.eventId(), request.sessionId())
                .orElseThrow(() -> PikaException.notFound(request.eventId() != null ? "Event not found" : "Session not found"));
        List<DancerLikeRepository.Liked> liked = repository.likesOf(userId, request.eventId(), request.sessionId());
        if (liked.isEmpty()) {
            throw PikaException.notFound(DancerLikeMessages.NOTHING_TO_EXPORT);
        }
        rateLimits.enforce(Quota.SPOTIFY_EXPORTS, Long.toString(userId));
        String name = request.name() != null ? request.name().strip() : title + SUFFIX;
        try {
            List<String> uris = new ArrayList<>();
            List<ExportResult.Track> notFound = new ArrayList<>();
            for (DancerLikeRepository.Liked track : liked) {
                Optional<String> uri = finder.find(userId, TrackKeys.of(track.artist(), track.title()), track.artist(), track.title(), track.playedTrackId());
                if (uri.isEmpty()) {
                    notFound.add(new ExportResult.Track(track.artist(), track.title()));
                } else if (!uris.contains(uri.get())) {
                    uris.add(uri.get());
                }
            }
            SpotifyPlaylist playlist = library.createPlaylist(userId, name, "Your likes at " + title + ", exported by Pika!");
            for (List<String> batch : SpotifyLibrary.inCalls(uris)) {
                library.addTracks(userId, playlist.id(), batch);
            }
            LOG.info(() -> "Account " + userId + " exported " + uris.size() + " track(s) to Spotify (" + notFound.size() + " not found)");
            return new ExportResult(playlist.url(), name, uris.size(), notFound);
        } catch (SpotifyFailure e) {
            LOG.warning(() -> "Export to Spotify for account " + userId + " failed: " + e.getMessage());
            throw new PikaException(PikaException.Kind.UNAVAILABLE, SpotifyMessages.UNAVAILABLE);
        }
    }
}
