package stream.pika.admin.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import stream.pika.identity.entity.Roles;
import stream.pika.platform.control.AuditLog;
import stream.pika.platform.entity.AuditQuery;
import stream.pika.platform.entity.AuditView;
import stream.pika.platform.entity.Page;

/** The admins' read of the audit trail: newest first, narrowed by actor, target, action and time. */
@Stateless
@DeclareRoles(Roles.ADMIN)
@RolesAllowed(Roles.ADMIN)
public class AuditTrail {

    public static final int PAGE_SIZE = 50;

    @Inject
    AuditLog log;

    public Page<AuditView> search(@NotNull AuditQuery query, int page) {
        return log.search(query, page, PAGE_SIZE);
    }
}
