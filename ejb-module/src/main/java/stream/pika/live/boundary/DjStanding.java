package stream.pika.live.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import stream.pika.admin.entity.UsersShadowBanned;
import stream.pika.identity.boundary.DjAccounts;
import stream.pika.identity.entity.StandingChanged;
import stream.pika.platform.control.NodeSignals;
import stream.pika.platform.entity.ApplicationStarted;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A DJ's open connection follows its account's standing: when an admin suspends the account,
 * removes its DJ role or shadow-bans it, every node closes that DJ's connections (as a bad token
 * is closed), so its next action cannot happen and its reconnect is refused.
 */
@ApplicationScoped
public class DjStanding {

    static final String SIGNAL = "account-standing";

    @Inject
    NodeSignals signals;

    @Inject
    DjAccounts accounts;

    @Inject
    DjBooth booth;

    private final AtomicBoolean started = new AtomicBoolean();

    void atStart(@Observes ApplicationStarted started) {
        if (this.started.compareAndSet(false, true)) {
            signals.listen(SIGNAL, userId -> recheck(Long.parseLong(userId)));
        }
    }

    /** Once the admin's change is committed, every node checks that account's DJ connections. */
    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) StandingChanged change) {
        signals.send(SIGNAL, Long.toString(change.userId()));
    }

    void shadowBanned(@Observes UsersShadowBanned banned) {
        banned.userIds().forEach(userId -> booth.dismiss(userId, "shadow-banned"));
    }

    private void recheck(long userId) {
        if (!accounts.mayActAsDj(userId)) {
            booth.dismiss(userId, "suspended or no longer a DJ");
        }
    }
}
