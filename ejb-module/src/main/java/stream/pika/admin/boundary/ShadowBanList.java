package stream.pika.admin.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import stream.pika.admin.control.ShadowBanReader;
import stream.pika.admin.entity.BanTarget;
import stream.pika.admin.entity.ShadowBansChanged;
import stream.pika.admin.entity.UsersShadowBanned;
import stream.pika.platform.control.NodeSignals;
import stream.pika.platform.entity.ApplicationStarted;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The shadow bans in force, held in memory on every node so that the live paths ask without I/O:
 * {@link #mutes(String)} for a device, {@link #mutesUser(Long)} for an account. Read again from
 * the database when any node changes a ban (a {@link NodeSignals} signal, within milliseconds;
 * through Redis when configured) and every {@link #REREAD_SECONDS} seconds in case a signal was lost.
 */
@ApplicationScoped
public class ShadowBanList {

    static final String SIGNAL = "shadow-bans";
    static final long REREAD_SECONDS = 30;
    private static final Logger LOG = Logger.getLogger(ShadowBanList.class.getName());

    private record InForce(Set<String> clients, Set<Long> users) {
        static final InForce NONE = new InForce(Set.of(), Set.of());
    }

    @Inject
    ShadowBanReader bans;

    @Inject
    NodeSignals signals;

    @Inject
    Event<UsersShadowBanned> usersBanned;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private volatile InForce inForce = InForce.NONE;
    private final AtomicBoolean started = new AtomicBoolean();
    private ScheduledFuture<?> rereads;

    /** Whether the device with this client id is muted (null: no client id, not muted). */
    public boolean mutes(String clientId) {
        return clientId != null && inForce.clients().contains(clientId);
    }

    /** Whether the account is muted (a muted DJ cannot go live; null: no account, not muted). */
    public boolean mutesUser(Long userId) {
        return userId != null && inForce.users().contains(userId);
    }

    void atStart(@Observes ApplicationStarted started) {
        if (this.started.compareAndSet(false, true)) {
            signals.listen(SIGNAL, detail -> reread());
            rereads = scheduler.scheduleWithFixedDelay(this::reread, 0, REREAD_SECONDS, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (rereads != null) {
            rereads.cancel(false);
        }
    }

    /** A ban was added or lifted here: once it is committed, every node reads the list again. */
    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ShadowBansChanged change) {
        signals.send(SIGNAL, "");
    }

    /** Reads the bans in force; tells the live side of accounts banned since the last read. */
    synchronized void reread() {
        try {
            List<BanTarget> current = bans.targetsInForce();
            Set<String> clients = new HashSet<>();
            Set<Long> users = new HashSet<>();
            for (BanTarget target : current) {
                target.userId().ifPresent(users::add);
                target.clientId().ifPresent(clients::add);
            }
            Set<Long> newlyBanned = new HashSet<>(users);
            newlyBanned.removeAll(inForce.users());
            inForce = new InForce(Set.copyOf(clients), Set.copyOf(users));
            if (!newlyBanned.isEmpty()) {
                usersBanned.fire(new UsersShadowBanned(Set.copyOf(newlyBanned)));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not read the shadow bans; keeping the " + inForce.clients().size() + " device and "
                    + inForce.users().size() + " account bans known", e);
        }
    }
}
