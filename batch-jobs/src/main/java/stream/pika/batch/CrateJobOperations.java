package stream.pika.batch;

import jakarta.annotation.security.PermitAll;
import jakarta.batch.operations.JobExecutionAlreadyCompleteException;
import jakarta.batch.operations.JobExecutionNotMostRecentException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import stream.pika.crate.boundary.CrateJobs;
import stream.pika.crate.entity.JobExecutionFacts;
import stream.pika.platform.entity.PikaException;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Starts, restarts and reads Smart Crate's jobs from this module, so the batch runtime reads the
 * job XML and looks up the chunk artifacts where they live (on Payara Server, this EJB module's
 * class loader and bean archive), and so every call about a run comes from the component that
 * started it (Payara lets no other read it). The crate boundaries decide when; this only operates
 * the jobs. Outside any transaction: the batch runtime's repository and Pika!'s database are two
 * resources.
 */
@Stateless
@Local(CrateJobs.class)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll
public class CrateJobOperations implements CrateJobs {

    @Override
    public long start(String job, Properties parameters) {
        return BatchRuntime.getJobOperator().start(job, parameters);
    }

    @Override
    public long restart(long executionId, Properties parameters) {
        try {
            return BatchRuntime.getJobOperator().restart(executionId, parameters);
        } catch (JobRestartException | JobExecutionAlreadyCompleteException | JobExecutionNotMostRecentException e) {
            throw PikaException.conflict("This run cannot restart: " + e.getMessage());
        }
    }

    @Override
    public Optional<JobExecutionFacts> execution(long executionId) {
        JobOperator operator = BatchRuntime.getJobOperator();
        JobExecution execution;
        try {
            execution = operator.getJobExecution(executionId);
        } catch (NoSuchJobExecutionException e) {
            return Optional.empty();
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
        Map<String, String> parameters = new LinkedHashMap<>();
        Properties given = execution.getJobParameters();
        if (given != null) {
            given.stringPropertyNames().forEach(name -> parameters.put(name, given.getProperty(name)));
        }
        return Optional.of(new JobExecutionFacts(executionId, execution.getJobName(), execution.getBatchStatus().name(),
                instant(execution.getStartTime()), instant(execution.getEndTime()), read, written, parameters));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
