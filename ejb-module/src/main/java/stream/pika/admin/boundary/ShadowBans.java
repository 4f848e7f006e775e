package stream.pika.admin.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import stream.pika.admin.control.ShadowBanRepository;
import stream.pika.admin.entity.BanRequest;
import stream.pika.admin.entity.BanTarget;
import stream.pika.admin.entity.ShadowBan;
import stream.pika.admin.entity.ShadowBanView;
import stream.pika.admin.entity.ShadowBansChanged;
import stream.pika.identity.boundary.AccountAdministration;
import stream.pika.identity.entity.Roles;
import stream.pika.platform.control.AuditLog;
import stream.pika.platform.control.CallerIds;
import stream.pika.platform.entity.AuditAct;
import stream.pika.platform.entity.Page;
import stream.pika.platform.entity.PikaException;

import java.time.Clock;

/**
 * Admins shadow-ban users and devices and lift the bans. Each change is audited in its transaction
 * and, once committed, reaches every node's {@link ShadowBanList} (and its open connections).
 */
@Stateless
@DeclareRoles(Roles.ADMIN)
@RolesAllowed(Roles.ADMIN)
public class ShadowBans {

    public static final int PAGE_SIZE = 50;
    static final String NOT_FOUND = "Shadow ban not found";
    static final String LIFTED_ALREADY = "This shadow ban was lifted already";

    @Inject
    ShadowBanRepository bans;

    @Inject
    AccountAdministration accounts;

    @Inject
    AuditLog audit;

    @Inject
    Event<ShadowBansChanged> changed;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    public ShadowBanView ban(@NotNull @Valid BanRequest request, String clientIp) {
        if ((request.userId() == null) == (request.clientId() == null)) {
            throw PikaException.invalid(BanRequest.ONE_TARGET);
        }
        BanTarget target;
        if (request.userId() != null) {
            accounts.user(request.userId()); // NOT_FOUND for an unknown user
            target = BanTarget.user(request.userId());
        } else {
            target = BanTarget.client(request.clientId());
        }
        long admin = adminId();
        ShadowBan ban = bans.add(new ShadowBan(target, request.reason().strip(), admin, clock.instant()));
        audit.record(new AuditAct(admin, "shadow_ban.create", target.kind(), target.id(), request.reason().strip(), clientIp,
                "ban " + ban.id()));
        changed.fire(new ShadowBansChanged());
        return ban.view();
    }

    public ShadowBanView lift(long banId, String clientIp) {
        ShadowBan ban = bans.findForUpdate(banId).orElseThrow(() -> PikaException.notFound(NOT_FOUND));
        if (!ban.inForce()) {
            throw PikaException.conflict(LIFTED_ALREADY);
        }
        long admin = adminId();
        ban.lift(admin, clock.instant());
        BanTarget target = ban.target();
        audit.record(new AuditAct(admin, "shadow_ban.lift", target.kind(), target.id(), null, clientIp, "ban " + banId));
        changed.fire(new ShadowBansChanged());
        return ban.view();
    }

    public Page<ShadowBanView> list(int page) {
        return bans.all(page, PAGE_SIZE).map(ShadowBan::view);
    }

    private long adminId() {
        return CallerIds.of(context);
    }
}
