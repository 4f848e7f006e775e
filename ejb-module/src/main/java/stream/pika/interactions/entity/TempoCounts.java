package stream.pika.interactions.entity;

/** The tempo votes of a session right now: one vote per dancer. */
public record TempoCounts(int faster, int slower, int perfect) {

    public static final TempoCounts NONE = new TempoCounts(0, 0, 0);

    public int total() {
        return faster + slower + perfect;
    }
}
