package stream.pika.admin.entity;

import java.util.Optional;

/** Who a shadow ban mutes: a user account or a device's client id (exactly one of them). */
public record BanTarget(Optional<Long> userId, Optional<String> clientId) {

    public BanTarget {
        if (userId.isPresent() == clientId.isPresent()) {
            throw new IllegalArgumentException("a ban targets a user or a client id");
        }
    }

    public static BanTarget user(long userId) {
        return new BanTarget(Optional.of(userId), Optional.empty());
    }

    public static BanTarget client(String clientId) {
        return new BanTarget(Optional.empty(), Optional.of(clientId));
    }

    /** For the audit trail: {@code user} or {@code client}. */
    public String kind() {
        return userId.isPresent() ? "user" : "client";
    }

    public String id() {
        return userId.map(String::valueOf).orElseGet(clientId::get);
    }
}
