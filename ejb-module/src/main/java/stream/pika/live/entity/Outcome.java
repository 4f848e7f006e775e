package stream.pika.live.entity;

import java.util.List;

/**
 * What a connection gets back for one message: the replies to send it, in order, then an
 * acknowledgement (ACK, or NACK with the refusal) when the message asked for one, then possibly
 * the connection is closed.
 *
 * @param replies     messages for the sender only
 * @param refusal     why the message was refused, or null when it was carried out
 * @param acknowledge whether an ACK/NACK is due at all (GET_SESSIONS never gets one)
 * @param close       close the connection afterwards, or null
 */
public record Outcome(List<Object> replies, String refusal, boolean acknowledge, Close close) {

    /** A close code and reason; 4000–4999 tell the DJ app to stop reconnecting. */
    public record Close(int code, String reason) {
    }

    public static Outcome done(Object... replies) {
        return new Outcome(List.of(replies), null, true, null);
    }

    public static Outcome done(List<Object> replies) {
        return new Outcome(List.copyOf(replies), null, true, null);
    }

    public static Outcome unacknowledged(Object... replies) {
        return new Outcome(List.of(replies), null, false, null);
    }

    public static Outcome refused(String reason) {
        return new Outcome(List.of(), reason, true, null);
    }

    public static Outcome refusedAndClosed(String reason, int code) {
        return new Outcome(List.of(), reason, true, new Close(code, reason));
    }

    public boolean accepted() {
        return refusal == null;
    }
}
