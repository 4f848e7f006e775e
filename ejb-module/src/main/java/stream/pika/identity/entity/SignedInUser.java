package stream.pika.identity.entity;

import java.util.Set;

/**
 * Who a token belongs to, as of now: the account's profile and its roles at this moment (not at
 * the token's issue), so a removed role or a suspension counts from the next request on.
 */
public record SignedInUser(DjProfile profile, Set<Role> roles) {

    public SignedInUser {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
