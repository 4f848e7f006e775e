package stream.pika.events.entity;

import java.util.List;

/** An event's schedule: its stages, each with its slots in time order. */
public record ScheduleView(long eventId, String timeZone, List<StageSchedule> stages) {

    public record StageSchedule(StageView stage, List<SlotView> slots) {
    }
}
