package stream.pika.identity.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import stream.pika.identity.control.AccountOpening;
import stream.pika.platform.control.CallerIds;
import stream.pika.identity.control.OrganizerApplicationRepository;
import stream.pika.identity.control.UserAccountRepository;
import stream.pika.identity.entity.AccountStatus;
import stream.pika.identity.entity.ApplicationMessages;
import stream.pika.identity.entity.ApplicationStatus;
import stream.pika.identity.entity.ApplicationView;
import stream.pika.identity.entity.OrganizerApplication;
import stream.pika.identity.entity.OrganizerDetails;
import stream.pika.identity.entity.OrganizerSignUp;
import stream.pika.identity.entity.Role;
import stream.pika.identity.entity.Roles;
import stream.pika.identity.entity.UserAccount;
import stream.pika.platform.control.AuditLog;
import stream.pika.platform.entity.AuditAct;
import stream.pika.platform.entity.Page;
import stream.pika.platform.entity.PikaException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Organizer applications (roadmap 3.2): a newcomer applies with a new account, which may sign in
 * but holds no organizer rights until an admin approves; a signed-in user (a DJ, or a rejected
 * applicant after {@link #REAPPLY_AFTER}) applies with its account. Admins list, approve and
 * reject; each decision is written to the audit trail in the same transaction.
 */
@Stateless
@DeclareRoles({Roles.DANCER, Roles.DJ, Roles.ORGANIZER, Roles.ADMIN, Roles.SIGNED_IN})
public class OrganizerApplications {

    /** A rejected applicant may apply again this long after the decision. */
    static final Duration REAPPLY_AFTER = Duration.ofDays(7);
    public static final int PAGE_SIZE = 50;

    private static final Logger LOG = Logger.getLogger(OrganizerApplications.class.getName());

    @Inject
    AccountOpening opening;

    @Inject
    UserAccountRepository accounts;

    @Inject
    OrganizerApplicationRepository applications;

    @Inject
    AuditLog audit;

    @Inject
    Validator validator;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    /** A new account applies: it is {@code pending}, holds no role, and may sign in to follow its application. */
    @PermitAll
    public ApplicationView signUp(@NotNull @Valid OrganizerSignUp signUp) {
        OrganizerDetails details = validated(signUp.details());
        UserAccount account = opening.open(signUp.registration(), Set.of(), AccountStatus.PENDING);
        OrganizerApplication application = applications.add(new OrganizerApplication(account, details, clock.instant()));
        LOG.info(() -> "Organizer application " + application.id() + " from new account " + account.id());
        return application.view();
    }

    /**
     * The signed-in user applies (a DJ who also wants to organize, a rejected applicant trying again).
     *
     * @throws PikaException CONFLICT when the user organizes already, has a pending application,
     *                       or was rejected less than {@link #REAPPLY_AFTER} ago
     */
    @RolesAllowed(Roles.SIGNED_IN)
    public ApplicationView apply(@NotNull @Valid OrganizerDetails details) {
        UserAccount account = accounts.findForUpdate(CallerIds.of(context))
                .orElseThrow(() -> PikaException.notFound(ApplicationMessages.USER_NOT_FOUND));
        if (account.roles().contains(Role.ORGANIZER)) {
            throw PikaException.conflict(ApplicationMessages.ALREADY_ORGANIZER);
        }
        Instant now = clock.instant();
        Optional<OrganizerApplication> latest = applications.latestOf(account.id());
        if (latest.isPresent() && latest.get().status() == ApplicationStatus.REJECTED) {
            Instant again = latest.get().decidedAt().plus(REAPPLY_AFTER);
            if (now.isBefore(again)) {
                throw PikaException.conflict(ApplicationMessages.applyAgainFrom(again));
            }
        }
        if (account.status() == AccountStatus.REJECTED) {
            account.changeStatus(AccountStatus.PENDING);
        }
        OrganizerApplication application = applications.add(new OrganizerApplication(account, details, now));
        LOG.info(() -> "Organizer application " + application.id() + " from account " + account.id());
        return application.view();
    }

    /** The signed-in user's newest application, if it ever applied. */
    @RolesAllowed(Roles.SIGNED_IN)
    public Optional<ApplicationView> mine() {
        return applications.latestOf(CallerIds.of(context)).map(OrganizerApplication::view);
    }

    @RolesAllowed(Roles.ADMIN)
    public Page<ApplicationView> withStatus(@NotNull ApplicationStatus status, int page) {
        return applications.withStatus(status, page, PAGE_SIZE).map(OrganizerApplication::view);
    }

    /** Approves: the account gets the organizer role, and a pending or rejected account becomes active. */
    @RolesAllowed(Roles.ADMIN)
    public ApplicationView approve(long applicationId, String clientIp) {
        OrganizerApplication application = pending(applicationId);
        long admin = CallerIds.of(context);
        application.decide(ApplicationStatus.APPROVED, null, admin, clock.instant());
        UserAccount account = application.account();
        account.grant(Role.ORGANIZER);
        if (account.status() == AccountStatus.PENDING || account.status() == AccountStatus.REJECTED) {
            account.changeStatus(AccountStatus.ACTIVE);
        }
        audit.record(new AuditAct(admin, "organizer_application.approve", "organizer_application", String.valueOf(applicationId),
                null, clientIp, "user " + account.id()));
        return application.view();
    }

    /** Rejects with a reason: a new account's status becomes {@code rejected}; a DJ's stays as it is. */
    @RolesAllowed(Roles.ADMIN)
    public ApplicationView reject(long applicationId,
                                  @NotBlank(message = ApplicationMessages.REASON_REQUIRED)
                                  @Size(max = 500, message = "Reason must be at most 500 characters") String reason,
                                  String clientIp) {
        OrganizerApplication application = pending(applicationId);
        long admin = CallerIds.of(context);
        application.decide(ApplicationStatus.REJECTED, reason, admin, clock.instant());
        UserAccount account = application.account();
        if (account.status() == AccountStatus.PENDING) {
            account.changeStatus(AccountStatus.REJECTED);
        }
        audit.record(new AuditAct(admin, "organizer_application.reject", "organizer_application", String.valueOf(applicationId),
                reason.strip(), clientIp, "user " + account.id()));
        return application.view();
    }

    private OrganizerApplication pending(long applicationId) {
        OrganizerApplication application = applications.findForUpdate(applicationId)
                .orElseThrow(() -> PikaException.notFound(ApplicationMessages.NOT_FOUND));
        if (application.status() != ApplicationStatus.PENDING) {
            throw PikaException.conflict(ApplicationMessages.ALREADY_DECIDED);
        }
        return application;
    }

    private OrganizerDetails validated(OrganizerDetails details) {
        Set<ConstraintViolation<OrganizerDetails>> violations = validator.validate(details);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return details;
    }
}
