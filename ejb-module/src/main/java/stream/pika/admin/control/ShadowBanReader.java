package stream.pika.admin.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import stream.pika.admin.entity.BanTarget;
import stream.pika.admin.entity.ShadowBan;

import java.util.List;

/**
 * Reads the bans in force for the in-memory list, from any thread (a timer, a signal): an EJB,
 * so the read has its persistence context whatever thread asks.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ShadowBanReader {

    @Inject
    ShadowBanRepository bans;

    public List<BanTarget> targetsInForce() {
        return bans.inForce().stream().map(ShadowBan::target).toList();
    }
}
