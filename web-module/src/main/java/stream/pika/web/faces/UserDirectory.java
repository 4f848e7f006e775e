package stream.pika.web.faces;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import stream.pika.admin.boundary.ShadowBans;
import stream.pika.admin.entity.BanRequest;
import stream.pika.admin.entity.ShadowBanView;
import stream.pika.identity.boundary.AccountAdministration;
import stream.pika.identity.entity.AccountStatus;
import stream.pika.identity.entity.Role;
import stream.pika.identity.entity.UserFilter;
import stream.pika.identity.entity.UserSummary;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The admin's users: search by name or e-mail, role and standing; change roles; suspend and
 * reinstate with a reason; shadow-ban an account or a device (its client id) with a reason, and
 * lift a ban.
 */
@Named
@ViewScoped
public class UserDirectory implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AccountAdministration accounts;

    @Inject
    ShadowBans bans;

    @Inject
    SignedInAccount account;

    private String text;
    private String role;
    private String status;
    private final PagedList<UserSummary> users = new PagedList<>(page -> accounts.search(filter(), page));
    private final PagedList<ShadowBanView> banList = new PagedList<>(page -> bans.list(page));

    // the account or device an action is about to change
    private UserSummary chosen;
    private String reason;
    private List<String> roles = List.of();
    private String bannedClientId;

    private UserFilter filter() {
        return new UserFilter(Optional.ofNullable(text).map(String::strip).filter(t -> !t.isEmpty()),
                Optional.ofNullable(role).filter(r -> !r.isEmpty()).map(Role::of),
                Optional.ofNullable(status).filter(s -> !s.isEmpty()).map(AccountStatus::of));
    }

    public void search() {
        users.refresh();
    }

    /** Picks the account the next form is about (roles, suspension, shadow ban). */
    public void choose(UserSummary user) {
        chosen = user;
        reason = null;
        roles = List.copyOf(user.roles());
    }

    public void saveRoles() {
        act(() -> {
            Set<Role> wanted = roles.stream().map(Role::of).collect(Collectors.toCollection(HashSet::new));
            UserSummary changed = accounts.replaceRoles(chosen.id(), wanted, account.clientIp());
            Notices.done(changed.displayName() + " now holds: " + String.join(", ", changed.roles()) + ".");
        });
    }

    public void suspend() {
        act(() -> {
            UserSummary changed = accounts.suspend(chosen.id(), reason, account.clientIp());
            Notices.done(changed.displayName() + " is suspended.");
        });
    }

    public void reinstate(UserSummary user) {
        chosen = user;
        act(() -> {
            UserSummary changed = accounts.reinstate(user.id(), null, account.clientIp());
            Notices.done(changed.displayName() + " is active again.");
        });
    }

    public void banUser() {
        act(() -> {
            ShadowBanView ban = bans.ban(new BanRequest(chosen.id(), null, reason), account.clientIp());
            Notices.done(chosen.displayName() + " is shadow-banned (ban " + ban.id() + ").");
        });
    }

    public void banDevice() {
        act(() -> {
            ShadowBanView ban = bans.ban(new BanRequest(null, bannedClientId, reason), account.clientIp());
            Notices.done("Device " + ban.clientId() + " is shadow-banned (ban " + ban.id() + ").");
            bannedClientId = null;
        });
    }

    public void lift(long banId) {
        act(() -> {
            bans.lift(banId, account.clientIp());
            Notices.done("Ban " + banId + " is lifted.");
        });
    }

    private void act(Runnable action) {
        try {
            action.run();
            reason = null;
        } catch (RuntimeException e) {
            Notices.failed(e);
        }
        users.refresh();
        banList.refresh();
    }

    /** An account's roles as the list shows them ("dj, organizer"; "none" for none). */
    public String rolesOf(UserSummary user) {
        return user.roles().isEmpty() ? "none" : String.join(", ", user.roles());
    }

    public List<String> getRoleNames() {
        return Arrays.stream(Role.values()).map(Role::value).toList();
    }

    public List<String> getStatusNames() {
        return Arrays.stream(AccountStatus.values()).map(AccountStatus::value).toList();
    }

    public PagedList<UserSummary> getUsers() {
        return users;
    }

    public PagedList<ShadowBanView> getBans() {
        return banList;
    }

    public UserSummary getChosen() {
        return chosen;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles == null ? List.of() : roles;
    }

    public String getBannedClientId() {
        return bannedClientId;
    }

    public void setBannedClientId(String bannedClientId) {
        this.bannedClientId = bannedClientId;
    }
}
