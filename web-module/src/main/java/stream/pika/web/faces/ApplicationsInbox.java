package stream.pika.web.faces;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import stream.pika.identity.boundary.OrganizerApplications;
import stream.pika.identity.entity.ApplicationStatus;
import stream.pika.identity.entity.ApplicationView;

import java.io.Serializable;

/** The admin's inbox of organizer applications: approve, or reject with a reason. */
@Named
@ViewScoped
public class ApplicationsInbox implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OrganizerApplications applications;

    @Inject
    SignedInAccount account;

    private final PagedList<ApplicationView> pending = new PagedList<>(page -> applications.withStatus(ApplicationStatus.PENDING, page));
    private final PagedList<ApplicationView> decided = new PagedList<>(page -> applications.withStatus(ApplicationStatus.APPROVED, page));
    private final PagedList<ApplicationView> rejected = new PagedList<>(page -> applications.withStatus(ApplicationStatus.REJECTED, page));
    private Long rejecting;
    private String reason;

    public void approve(long applicationId) {
        try {
            ApplicationView approved = applications.approve(applicationId, account.clientIp());
            Notices.done(approved.displayName() + " (" + approved.email() + ") is an organizer now.");
        } catch (RuntimeException e) {
            Notices.failed(e);
        }
        pending.refresh();
    }

    /** Opens the reason form for this application. */
    public void startRejecting(long applicationId) {
        rejecting = applicationId;
        reason = null;
    }

    public void reject() {
        if (rejecting == null) {
            return;
        }
        try {
            ApplicationView refused = applications.reject(rejecting, reason, account.clientIp());
            Notices.done("The application of " + refused.displayName() + " is rejected.");
            rejecting = null;
        } catch (RuntimeException e) {
            Notices.failed(e);
        }
        pending.refresh();
    }

    public PagedList<ApplicationView> getPending() {
        return pending;
    }

    public PagedList<ApplicationView> getApproved() {
        return decided;
    }

    public PagedList<ApplicationView> getRejected() {
        return rejected;
    }

    public Long getRejecting() {
        return rejecting;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
