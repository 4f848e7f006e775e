package stream.pika.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/** A DJ's account (table {@code dj_users}). The e-mail is stored lower-case; the slug names the public profile. */
@Entity
@Table(name = "dj_users")
@NamedQuery(name = DjAccount.BY_EMAIL, query = "SELECT a FROM DjAccount a WHERE a.email = :email")
@NamedQuery(name = DjAccount.BY_SLUG, query = "SELECT a FROM DjAccount a WHERE a.slug = :slug")
@NamedQuery(name = DjAccount.COUNT_BY_SLUG, query = "SELECT COUNT(a) FROM DjAccount a WHERE a.slug = :slug")
public class DjAccount {

    public static final String BY_EMAIL = "DjAccount.byEmail";
    public static final String COUNT_BY_SLUG = "DjAccount.countBySlug";
    public static final String BY_SLUG = "DjAccount.bySlug";

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

    protected DjAccount() {
        // for JPA
    }

    public DjAccount(String email, String passwordHash, String displayName, String slug, Instant createdAt) {
        this.email = email;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.slug = slug;
        this.createdAt = createdAt;
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

    public DjProfile profile() {
        return new DjProfile(id, email, displayName, slug);
    }
}
