package stream.pika.crate.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import stream.pika.crate.control.TrackNormalizer;
import stream.pika.crate.control.SetOwnership;
import stream.pika.crate.control.VerificationRepository;
import stream.pika.crate.entity.Activity;
import stream.pika.crate.entity.CatalogEntry;
import stream.pika.crate.entity.ChosenTrack;
import stream.pika.crate.entity.CrateMessages;
import stream.pika.crate.entity.MatchMethod;
import stream.pika.crate.entity.MatchStatus;
import stream.pika.crate.entity.PlayWithMatch;
import stream.pika.identity.entity.Roles;
import stream.pika.platform.control.CallerIds;
import stream.pika.platform.entity.PikaException;

import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * The DJ's side of Smart Crate (roadmap 4.3): their set's plays with the matcher's decisions, and
 * confirming, rejecting or choosing another record. A decision links the play, verifies the
 * record and teaches the matcher (the same names from any DJ then link by themselves); it earns
 * points (10 for a confirmation, 5 for a correction) and, at 100 verifications, the badge
 * {@value #DETECTIVE}. Only the set's own DJ decides.
 */
@Stateless
@DeclareRoles({Roles.DJ, Roles.ADMIN, Roles.SIGNED_IN})
@RolesAllowed(Roles.DJ)
public class MatchVerification {

    public static final String DETECTIVE = "track_detective";
    static final int CONFIRM_POINTS = 10;
    static final int CORRECT_POINTS = 5;
    static final int DETECTIVE_AT = 100;
    private static final Logger LOG = Logger.getLogger(MatchVerification.class.getName());

    @Inject
    VerificationRepository repository;

    @Inject
    SetOwnership owners;

    @Resource
    SessionContext context;

    public List<PlayWithMatch> tracksWithMatches(String sessionId) {
        long dj = CallerIds.of(context);
        owners.require(sessionId, dj);
        return repository.playsOf(sessionId);
    }

    /** The proposed record is right. */
    public void confirm(long matchId) {
        VerificationRepository.MatchFacts match = mine(matchId);
        if (match.globalTrackId() == null) {
            throw PikaException.conflict(CrateMessages.NOTHING_TO_CONFIRM);
        }
        decide(match, match.globalTrackId(), MatchStatus.CONFIRMED, null, "match.confirm", CONFIRM_POINTS); // found as it was found
    }

    /** The proposed record is wrong, and none is right. */
    public void reject(long matchId) {
        decide(mine(matchId), null, MatchStatus.REJECTED, MatchMethod.MANUAL, "match.reject", CORRECT_POINTS);
    }

    /** The play is this other record. */
    public void choose(long matchId, @NotNull @Valid ChosenTrack chosen) {
        VerificationRepository.MatchFacts match = mine(matchId);
        if (!repository.trackExists(chosen.globalTrackId())) {
            throw PikaException.notFound(CrateMessages.TRACK_NOT_FOUND);
        }
        decide(match, chosen.globalTrackId(), MatchStatus.CONFIRMED, MatchMethod.MANUAL, "match.choose", CORRECT_POINTS);
    }

    /** Catalog records for a manual pick ({@code GET /api/catalog/search?q=}). */
    @RolesAllowed({Roles.DJ, Roles.ADMIN})
    public List<CatalogEntry> search(String query) {
        String words = query == null ? "" : TrackNormalizer.text(query);
        if (query == null || query.strip().length() < 2 || query.length() > 200 || words.isEmpty()) {
            throw PikaException.invalid(CrateMessages.QUERY);
        }
        return repository.search(words, 20);
    }

    /** The caller's points and badges ({@code GET /api/me/activity}). */
    @RolesAllowed(Roles.SIGNED_IN)
    public Activity mine() {
        return repository.activity(CallerIds.of(context));
    }

    private VerificationRepository.MatchFacts mine(long matchId) {
        VerificationRepository.MatchFacts match = repository.match(matchId)
                .orElseThrow(() -> PikaException.notFound(CrateMessages.MATCH_NOT_FOUND));
        if (!Objects.equals(match.djId(), CallerIds.of(context))) {
            throw PikaException.forbidden(CrateMessages.NOT_YOUR_SET);
        }
        if (match.status().equals("confirmed") || match.status().equals("rejected")) {
            throw PikaException.conflict(CrateMessages.DECIDED_ALREADY);
        }
        return match;
    }

    private void decide(VerificationRepository.MatchFacts match, Long globalTrackId, MatchStatus status, MatchMethod method,
                        String action, int points) {
        long dj = CallerIds.of(context);
        repository.decide(match, globalTrackId, status.wire(), method == null ? null : method.wire(), dj,
                TrackNormalizer.searchText(match.artist(), match.title()));
        long verifications = repository.award(dj, action, points, match.matchId());
        if (verifications >= DETECTIVE_AT) {
            repository.badge(dj, DETECTIVE);
        }
        LOG.info(() -> "DJ account " + dj + ": " + action + " of match " + match.matchId() + " (" + status.wire()
                + (globalTrackId == null ? "" : ", record " + globalTrackId) + ")");
    }
}
