package stream.pika.events.entity;

/** Whether a DJ may go live on a stage now: yes; no such stage (or closed, or its event not on); not booked there. */
public enum StageAdmission {
    ADMITTED, NO_STAGE, NOT_BOOKED
}
