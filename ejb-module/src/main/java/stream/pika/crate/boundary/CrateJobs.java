package stream.pika.crate.boundary;

import stream.pika.crate.entity.JobExecutionFacts;

import java.util.Optional;
import java.util.Properties;

/**
 * Smart Crate's batch jobs ({@code track-matching}, {@code catalog-import}) as the batch runtime
 * runs them. Implemented in the module that holds the jobs (batch-jobs): the batch runtime finds a
 * job's XML and its artifacts' CDI names from the component that starts it, and on Payara Server
 * lets only that component read or restart its executions (an execution is tagged with its
 * starter); that component is not in this module.
 */
public interface CrateJobs {

    /** Starts a new run of the job; answers its execution id. */
    long start(String job, Properties parameters);

    /**
     * Restarts a failed or stopped run from its last checkpoint; answers the new execution id.
     *
     * @throws stream.pika.platform.entity.PikaException CONFLICT when the batch runtime refuses to restart it
     */
    long restart(long executionId, Properties parameters);

    /** The execution, empty when the batch runtime has none by that id. */
    Optional<JobExecutionFacts> execution(long executionId);
}
