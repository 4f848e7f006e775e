package stream.pika.batch.matching;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import stream.pika.crate.boundary.MatchingRuns;

import java.util.Properties;

/** The end of a track-matching run: its figures into the runs' history, its lease given back for the next run. */
@Dependent
@Named("matchingRunListener")
public class MatchingRunListener extends AbstractJobListener {

    @Inject
    JobContext job;

    @Inject
    MatchingRuns runs;

    @Override
    public void afterJob() {
        Properties parameters = BatchRuntime.getJobOperator().getParameters(job.getExecutionId());
        String lease = parameters.getProperty(MatchingRuns.LEASE_PARAMETER);
        String run = parameters.getProperty(MatchingRuns.RUN_PARAMETER);
        if (lease == null || run == null) {
            return; // started by hand (Payara's tools): no lease was taken
        }
        BatchStatus status = job.getBatchStatus();
        String ended = status == BatchStatus.FAILED || status == BatchStatus.STOPPING || status == BatchStatus.STOPPED
                ? status.name() : job.getExitStatus() != null && job.getExitStatus().startsWith("FAIL") ? "FAILED" : "COMPLETED";
        runs.ended(lease, Long.parseLong(run), job.getExecutionId(), ended);
    }
}
