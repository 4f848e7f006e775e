package stream.pika.events.entity;

import java.time.Instant;

/** A schedule slot as the API shows it; {@code happeningNow} as of the answer. */
public record SlotView(long id, long stageId, Instant startsAt, Instant endsAt, String title, String kind, Long djId,
                       String bookingStatus, int version, boolean happeningNow) {

    /** As anyone but the organizer sees it: the DJ only once the booking is confirmed (an invitation is nobody's business yet). */
    public SlotView forPublic() {
        boolean confirmed = BookingStatus.ACCEPTED.value().equals(bookingStatus) || BookingStatus.COMPLETED.value().equals(bookingStatus);
        return confirmed ? this : new SlotView(id, stageId, startsAt, endsAt, title, kind, null, null, version, happeningNow);
    }
}
