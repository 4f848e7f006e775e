package stream.pika.crate.entity;

import java.time.Instant;
import java.util.Map;

/**
 * What the batch runtime knows of one execution of a job: its name, status, times, the items its
 * steps read and wrote, and the parameters it was started with.
 */
public record JobExecutionFacts(long executionId, String jobName, String status, Instant startedAt, Instant endedAt,
                                long read, long written, Map<String, String> parameters) {
}
