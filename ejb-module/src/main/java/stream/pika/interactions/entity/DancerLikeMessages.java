package stream.pika.interactions.entity;

/** What a dancer is told about their likes, claims and exports. */
public final class DancerLikeMessages {

    public static final String NO_DEVICE = "This browser has no Pika! device yet: open the live page on it first";
    public static final String NOT_USED_HERE = "This browser has made no likes under that client id";
    public static final String CLAIMED_ALREADY = "The likes of that client id were claimed already";
    public static final String LIKE_NOT_FOUND = "Like not found";
    public static final String EXPORT_WHAT = "Name exactly one of eventId and sessionId";
    public static final String NOTHING_TO_EXPORT = "You have no likes there to export";

    private DancerLikeMessages() {
    }
}
