package stream.pika.events.entity;

/**
 * Whose stars: a signed-in dancer's account (with the phone's push endpoint, when it sent one) or,
 * for an anonymous dancer, the phone's push subscription alone.
 */
public record StarOwner(Long userId, String pushEndpoint) {

    public static StarOwner account(long userId, String pushEndpoint) {
        return new StarOwner(userId, pushEndpoint);
    }

    public static StarOwner device(String pushEndpoint) {
        return new StarOwner(null, pushEndpoint);
    }

    public boolean signedIn() {
        return userId != null;
    }
}
