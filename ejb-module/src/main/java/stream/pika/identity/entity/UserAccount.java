package stream.pika.identity.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * A user's account (table {@code users}): a dancer, a DJ, an organizer, an admin, or several of
 * them. The e-mail is stored lower-case; the slug names the public profile.
 */
@Entity
@Table(name = "users")
@NamedQuery(name = UserAccount.BY_EMAIL, query = "SELECT a FROM UserAccount a WHERE a.email = :email")
@NamedQuery(name = UserAccount.BY_SLUG, query = "SELECT a FROM UserAccount a WHERE a.slug = :slug")
@NamedQuery(name = UserAccount.COUNT_ACTIVE_WITH_ROLE,
        query = "SELECT COUNT(DISTINCT a) FROM UserAccount a JOIN a.roles r WHERE r = :role AND a.status = :status")
@NamedQuery(name = UserAccount.COUNT_BY_SLUG, query = "SELECT COUNT(a) FROM UserAccount a WHERE a.slug = :slug")
public class UserAccount {

    public static final String BY_EMAIL = "UserAccount.byEmail";
    public static final String COUNT_BY_SLUG = "UserAccount.countBySlug";
    public static final String BY_SLUG = "UserAccount.bySlug";
    public static final String COUNT_ACTIVE_WITH_ROLE = "UserAccount.countActiveWithRole";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String email;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(nullable = false)
    private String slug;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(nullable = false)
    @Convert(converter = AccountStatus.Column.class)
    private AccountStatus status;

    /** Read with the account: every authenticated request asks for the roles as they are now. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_roles", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role", nullable = false)
    @Convert(converter = Role.Column.class)
    private Set<Role> roles = new HashSet<>();

    protected UserAccount() {
        // for JPA
    }

    public UserAccount(String email, String passwordHash, String displayName, String slug, Instant createdAt,
                       Set<Role> roles, AccountStatus status) {
        this.email = email;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.slug = slug;
        this.createdAt = createdAt;
        this.roles = new HashSet<>(roles);
        this.status = status;
    }

    public Long id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public String displayName() {
        return displayName;
    }

    public String slug() {
        return slug;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public AccountStatus status() {
        return status;
    }

    /** The roles the account holds (whether it may sign in is its {@link #status()}'s say). */
    public Set<Role> roles() {
        return Set.copyOf(roles);
    }

    /**
     * Gives the account the admin role and makes it active (the operator named it the first
     * admin); returns whether anything changed.
     */
    public boolean promoteToAdmin() {
        boolean changed = roles.add(Role.ADMIN);
        if (status != AccountStatus.ACTIVE) {
            status = AccountStatus.ACTIVE;
            changed = true;
        }
        return changed;
    }

    /** Replaces the account's roles; returns whether they changed. */
    public boolean replaceRoles(Set<Role> newRoles) {
        if (roles.equals(newRoles)) {
            return false;
        }
        roles.clear();
        roles.addAll(newRoles);
        return true;
    }

    /** Adds a role (an approved application); returns whether the account lacked it. */
    public boolean grant(Role role) {
        return roles.add(role);
    }

    /** Sets where the account stands (an admin's decision); returns whether it changed. */
    public boolean changeStatus(AccountStatus newStatus) {
        if (status == newStatus) {
            return false;
        }
        status = newStatus;
        return true;
    }

    public boolean isActiveAdmin() {
        return status == AccountStatus.ACTIVE && roles.contains(Role.ADMIN);
    }

    public UserSummary summary() {
        return new UserSummary(id, email, displayName, slug, roles.stream().map(Role::value).sorted().toList(),
                status.value(), createdAt);
    }

    public DjProfile profile() {
        return new DjProfile(id, email, displayName, slug);
    }
}
