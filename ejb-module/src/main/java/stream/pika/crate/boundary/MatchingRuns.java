package stream.pika.crate.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import stream.pika.crate.control.MatchRepository;
import stream.pika.crate.entity.MatchingRun;
import stream.pika.identity.entity.Roles;
import stream.pika.platform.entity.PikaException;

import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Starts the track-matching job ({@code POST /api/admin/jobs/track-matching}) and reports its
 * runs. Outside any transaction: the batch runtime's repository and Pika!'s database are two
 * resources that one local transaction cannot hold.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@DeclareRoles({Roles.ADMIN})
@RolesAllowed(Roles.ADMIN)
public class MatchingRuns {

    public static final String JOB = "track-matching";
    private static final Logger LOG = Logger.getLogger(MatchingRuns.class.getName());

    @Inject
    MatchRepository matches;

    public MatchingRun start() {
        JobOperator operator = BatchRuntime.getJobOperator();
        long execution = operator.start(JOB, new Properties());
        LOG.info(() -> "Track matching started (execution " + execution + ")");
        return run(execution);
    }

    /** @throws PikaException NOT_FOUND for no such run of this job */
    public MatchingRun run(long executionId) {
        JobOperator operator = BatchRuntime.getJobOperator();
        JobExecution execution;
        try {
            execution = operator.getJobExecution(executionId);
        } catch (NoSuchJobExecutionException e) {
            throw PikaException.notFound("No such run");
        }
        if (!JOB.equals(execution.getJobName())) {
            throw PikaException.notFound("No such run");
        }
        long read = 0;
        long written = 0;
        for (StepExecution step : operator.getStepExecutions(executionId)) {
            for (Metric metric : step.getMetrics()) {
                if (metric.getType() == Metric.MetricType.READ_COUNT) {
                    read += metric.getValue();
                } else if (metric.getType() == Metric.MetricType.WRITE_COUNT) {
                    written += metric.getValue();
                }
            }
        }
        return new MatchingRun(executionId, execution.getBatchStatus().name(), instant(execution.getStartTime()),
                instant(execution.getEndTime()), read, written, matches.undecidedCount());
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
