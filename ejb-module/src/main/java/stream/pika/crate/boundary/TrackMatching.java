package stream.pika.crate.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import stream.pika.crate.control.CatalogRepository;
import stream.pika.crate.control.MatchDecider;
import stream.pika.crate.control.MatchRepository;
import stream.pika.crate.control.TrackNormalizer;
import stream.pika.crate.entity.Candidate;
import stream.pika.crate.entity.MatchDecision;
import stream.pika.crate.entity.MatchMethod;
import stream.pika.crate.entity.MatchStatus;
import stream.pika.crate.entity.PlayedName;

import java.util.ArrayList;
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

    @Inject
    MatchRepository matches;

    @Inject
    CatalogRepository catalog;

    public List<PlayedName> undecided(long afterId, int limit) {
        return matches.undecided(afterId, limit);
    }

    public List<MatchDecision> decide(List<PlayedName> plays) {
        List<String> texts = plays.stream().map(p -> TrackNormalizer.searchText(p.artist(), p.title())).toList();
        Map<String, Long> taught = catalog.taught(texts);
        Map<String, List<Candidate>> candidates = catalog.candidates(texts.stream().filter(t -> !taught.containsKey(t)).toList(), CANDIDATES);
        List<MatchDecision> decisions = new ArrayList<>(plays.size());
        for (int i = 0; i < plays.size(); i++) {
            Long known = taught.get(texts.get(i));
            decisions.add(known != null
                    // A DJ said these names are this record: every DJ's play of them is.
                    ? new MatchDecision(plays.get(i).playedTrackId(), known, 1, MatchMethod.MANUAL, MatchStatus.AUTO)
                    : MatchDecider.decide(plays.get(i), candidates.getOrDefault(texts.get(i), List.of()), MatchDecider.Thresholds.DEFAULT));
        }
        return decisions;
    }

    public int record(List<MatchDecision> decisions) {
        return matches.record(decisions);
    }
}
