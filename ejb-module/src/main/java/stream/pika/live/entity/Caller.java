package stream.pika.live.entity;

/**
 * Who sent a message: the connection (its id is unique across nodes), the client id it
 * announced first (dancers; null for a DJ app that sends none), the client's IP as the
 * platform's one client-address rule saw it at the upgrade (null when unknown), and for a page
 * of this platform the signed-in account (null: anonymous) and the hash of the browser's device
 * cookie (null: none).
 */
public record Caller(String connectionId, String clientId, String address, Long accountId, String device) {

    /** Starts with a control character; a client id that does so is moved aside, so no client can pose as an account. */
    private static final String ACCOUNT_LIKER = "\u001faccount:";
    private static final char ASIDE = '\u001f';

    public Caller(String connectionId, String clientId, String address) {
        this(connectionId, clientId, address, null, null);
    }

    public boolean signedIn() {
        return accountId != null;
    }

    /**
     * Who a like belongs to: the account when signed in (so a like made on the phone is the one
     * the laptop takes back), else the device's client id.
     */
    public String liker() {
        if (accountId != null) {
            return accountLiker(accountId);
        }
        return clientId != null && !clientId.isEmpty() && clientId.charAt(0) == ASIDE ? ASIDE + clientId : clientId;
    }

    /** The liker an account's likes go by, whichever device made them. */
    public static String accountLiker(long accountId) {
        return ACCOUNT_LIKER + accountId;
    }
}
