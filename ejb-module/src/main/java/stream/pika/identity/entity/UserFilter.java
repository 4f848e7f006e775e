package stream.pika.identity.entity;

import java.util.Optional;

/** The admins' user search: text in e-mail or display name, a role, a status; each optional. */
public record UserFilter(Optional<String> text, Optional<Role> role, Optional<AccountStatus> status) {
}
