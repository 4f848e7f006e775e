package stream.pika.events.control;

import java.time.Instant;
import java.util.List;

/** Who follows which stage (a device's client id, maybe with its push subscription). */
public interface StageFollowRepository {

    /** Follows the stage (again), with the push endpoint when given (one kept otherwise). */
    void follow(long stageId, String clientId, String pushEndpoint, Long userId, Instant at);

    /** Stops following; false when the device did not follow the stage. */
    boolean unfollow(long stageId, String clientId, Instant at);

    /** The push endpoints following any stage of the event, each once, at most {@code limit}. */
    List<String> pushEndpoints(long eventId, int limit);

    /** How many devices follow a stage of the event now, each once. */
    int followers(long eventId);
}
