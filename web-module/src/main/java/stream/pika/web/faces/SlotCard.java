package stream.pika.web.faces;

import stream.pika.events.entity.SlotView;

import java.io.Serializable;

/** A slot as the schedule maker shows it: with its booked DJ's name, if any. */
public record SlotCard(SlotView slot, String stageName, String djName) implements Serializable {

    /** The booking at a glance: {@code invited}, {@code accepted}, {@code declined}, {@code completed} or {@code open}. */
    public String getBooking() {
        return slot.bookingStatus() == null ? "open" : slot.bookingStatus();
    }
}
