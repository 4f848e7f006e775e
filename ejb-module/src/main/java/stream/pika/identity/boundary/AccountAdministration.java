package stream.pika.identity.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import stream.pika.platform.control.CallerIds;
import stream.pika.identity.control.UserAccountRepository;
import stream.pika.identity.entity.AccountStatus;
import stream.pika.identity.entity.ApplicationMessages;
import stream.pika.identity.entity.Role;
import stream.pika.identity.entity.Roles;
import stream.pika.identity.entity.StandingChanged;
import stream.pika.identity.entity.UserAccount;
import stream.pika.identity.entity.UserFilter;
import stream.pika.identity.entity.UserSummary;
import stream.pika.platform.control.AuditLog;
import stream.pika.platform.entity.AuditAct;
import stream.pika.platform.entity.Page;
import stream.pika.platform.entity.PikaException;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * What admins do to accounts: grant and remove roles, suspend and reinstate. No change may leave
 * the platform without an active admin. Every change is written to the audit trail in its
 * transaction, and announced ({@link StandingChanged}) so that open connections of the account
 * learn of it.
 */
@Stateless
@DeclareRoles({Roles.DANCER, Roles.DJ, Roles.ORGANIZER, Roles.ADMIN, Roles.SIGNED_IN})
@RolesAllowed(Roles.ADMIN)
public class AccountAdministration {

    public static final int PAGE_SIZE = 50;

    @Inject
    UserAccountRepository accounts;

    @Inject
    AuditLog audit;

    @Inject
    Event<StandingChanged> standingChanged;

    @Resource
    SessionContext context;

    public Page<UserSummary> search(@NotNull UserFilter filter, int page) {
        return accounts.search(filter, page, PAGE_SIZE).map(UserAccount::summary);
    }

    public UserSummary user(long userId) {
        return accounts.find(userId).map(UserAccount::summary)
                .orElseThrow(() -> PikaException.notFound(ApplicationMessages.USER_NOT_FOUND));
    }

    /** Gives the account exactly these roles. */
    public UserSummary replaceRoles(long userId, @NotNull Set<Role> roles, String clientIp) {
        accounts.lockAdminChanges();
        UserAccount account = target(userId);
        String before = names(account.roles());
        if (account.isActiveAdmin() && !roles.contains(Role.ADMIN)) {
            refuseIfLastAdmin();
        }
        if (account.replaceRoles(roles)) {
            audit.record(new AuditAct(CallerIds.of(context), "user.roles", "user", String.valueOf(userId), null, clientIp,
                    before + " -> " + names(roles)));
            standingChanged.fire(new StandingChanged(userId));
        }
        return account.summary();
    }

    public UserSummary suspend(long userId,
                               @NotBlank(message = ApplicationMessages.REASON_REQUIRED)
                               @Size(max = 500, message = "Reason must be at most 500 characters") String reason,
                               String clientIp) {
        long admin = CallerIds.of(context);
        if (admin == userId) {
            throw PikaException.conflict(ApplicationMessages.NOT_YOURSELF);
        }
        accounts.lockAdminChanges();
        UserAccount account = target(userId);
        if (account.status() == AccountStatus.SUSPENDED) {
            throw PikaException.conflict(ApplicationMessages.ALREADY_SUSPENDED);
        }
        if (account.isActiveAdmin()) {
            refuseIfLastAdmin();
        }
        String before = account.status().value();
        account.changeStatus(AccountStatus.SUSPENDED);
        audit.record(new AuditAct(admin, "user.suspend", "user", String.valueOf(userId), reason.strip(), clientIp, "was " + before));
        standingChanged.fire(new StandingChanged(userId));
        return account.summary();
    }

    public UserSummary reinstate(long userId, @Size(max = 500, message = "Reason must be at most 500 characters") String reason,
                                 String clientIp) {
        UserAccount account = target(userId);
        if (account.status() != AccountStatus.SUSPENDED) {
            throw PikaException.conflict(ApplicationMessages.NOT_SUSPENDED);
        }
        account.changeStatus(AccountStatus.ACTIVE);
        audit.record(new AuditAct(CallerIds.of(context), "user.reinstate", "user", String.valueOf(userId),
                reason == null || reason.isBlank() ? null : reason.strip(), clientIp, null));
        return account.summary();
    }

    private UserAccount target(long userId) {
        return accounts.findForUpdate(userId).orElseThrow(() -> PikaException.notFound(ApplicationMessages.USER_NOT_FOUND));
    }

    private void refuseIfLastAdmin() {
        if (accounts.countActiveAdmins() <= 1) {
            throw PikaException.conflict(ApplicationMessages.LAST_ADMIN);
        }
    }

    private static String names(Set<Role> roles) {
        return roles.stream().map(Role::value).sorted().collect(Collectors.joining(", ", "[", "]"));
    }
}
