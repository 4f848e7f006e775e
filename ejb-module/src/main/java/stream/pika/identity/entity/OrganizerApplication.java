package stream.pika.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/** A user's application to organize events, and an admin's decision on it. */
@Entity
@Table(name = "organizer_applications")
@NamedQuery(name = OrganizerApplication.LATEST_OF_USER,
        query = "SELECT a FROM OrganizerApplication a WHERE a.account.id = :userId ORDER BY a.submittedAt DESC, a.id DESC")
@NamedQuery(name = OrganizerApplication.BY_STATUS,
        query = "SELECT a FROM OrganizerApplication a WHERE a.status = :status ORDER BY a.submittedAt, a.id")
@NamedQuery(name = OrganizerApplication.COUNT_BY_STATUS,
        query = "SELECT COUNT(a) FROM OrganizerApplication a WHERE a.status = :status")
public class OrganizerApplication {

    public static final String LATEST_OF_USER = "OrganizerApplication.latestOfUser";
    public static final String BY_STATUS = "OrganizerApplication.byStatus";
    public static final String COUNT_BY_STATUS = "OrganizerApplication.countByStatus";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id", nullable = false, updatable = false)
    private UserAccount account;

    @Column(nullable = false, updatable = false)
    private String organization;

    @Column(updatable = false)
    private String website;

    @Column(updatable = false)
    private String message;

    @Column(nullable = false)
    @Convert(converter = ApplicationStatus.Column.class)
    private ApplicationStatus status;

    private String reason;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    private Instant submittedAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by")
    private Long decidedBy;

    protected OrganizerApplication() {
        // for JPA
    }

    public OrganizerApplication(UserAccount account, OrganizerDetails details, Instant submittedAt) {
        this.account = account;
        this.organization = details.organization().strip();
        this.website = blankToNull(details.website());
        this.message = blankToNull(details.message());
        this.status = ApplicationStatus.PENDING;
        this.submittedAt = submittedAt;
    }

    public Long id() {
        return id;
    }

    public UserAccount account() {
        return account;
    }

    public ApplicationStatus status() {
        return status;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    /** Records the admin's decision; the account's roles and status are the caller's to change. */
    public void decide(ApplicationStatus decision, String reason, long adminId, Instant at) {
        if (status != ApplicationStatus.PENDING) {
            throw new IllegalStateException("application " + id + " was decided already");
        }
        this.status = decision;
        this.reason = blankToNull(reason);
        this.decidedBy = adminId;
        this.decidedAt = at;
    }

    public ApplicationView view() {
        DjProfile profile = account.profile();
        return new ApplicationView(id, profile.id(), profile.email(), profile.displayName(), organization, website, message,
                status.value(), reason, submittedAt, decidedAt);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
