package stream.pika.crate.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import stream.pika.crate.control.JobRuns;
import stream.pika.crate.control.MatchRepository;
import stream.pika.crate.entity.MatchingOverview;
import stream.pika.crate.entity.JobExecutionFacts;
import stream.pika.crate.entity.MatchingRun;
import stream.pika.identity.entity.Roles;
import stream.pika.platform.entity.NodeIdentity;
import stream.pika.platform.entity.PikaException;

import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
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
    /** The job parameters that tie an execution to its lease and its row in {@code job_runs}. */
    public static final String LEASE_PARAMETER = "lease";
    public static final String RUN_PARAMETER = "run";
    /** "false": the catalog alone decides, no Spotify search. */
    public static final String SPOTIFY_PARAMETER = "spotify";
    /** Plays per chunk (the job XML's item-count). */
    public static final String CHUNK_PARAMETER = "chunk";
    static final int CHUNK_WITH_SPOTIFY = 200;
    static final int CHUNK_CATALOG_ONLY = 1_000;
    static final String UNDER_WAY = "A track-matching run is under way: follow it, or start again once it ends";
    /** Renewed at every chunk: a node that dies mid-run hands the job over this long after. */
    static final Duration LEASE = Duration.ofMinutes(5);
    private static final Logger LOG = Logger.getLogger(MatchingRuns.class.getName());

    @Inject
    MatchRepository matches;

    @Inject
    JobRuns jobs;

    /** The job's own module operates it (see {@link CrateJobs}). */
    @Inject
    CrateJobs job;

    /**
     * Starts a run for an admin ({@code askSpotify} false: the catalog alone decides).
     *
     * @throws PikaException CONFLICT when a run is under way (on any node)
     */
    public MatchingRun start(boolean askSpotify) {
        return startRun("admin", askSpotify).orElseThrow(() -> PikaException.conflict(UNDER_WAY));
    }

    /** Starts a run unless one is under way somewhere ({@code startedBy}: "schedule", "session end"). */
    @PermitAll
    public Optional<MatchingRun> startIfIdle(String startedBy) {
        return startRun(startedBy, true);
    }

    /**
     * Restarts a failed or stopped run from its last checkpoint (the plays it decided stay
     * decided, the next ones follow).
     *
     * @throws PikaException NOT_FOUND for no such run, CONFLICT while another run is under way or when it cannot restart
     */
    public MatchingRun restart(long executionId) {
        Properties parameters = new Properties();
        parameters.putAll(execution(executionId).parameters()); // exists, and is this job's
        long execution = launch("restart of " + executionId, parameters, with -> job.restart(executionId, with))
                .orElseThrow(() -> PikaException.conflict(UNDER_WAY));
        return run(execution);
    }

    /** The runs at a glance, for the admin console's health page. */
    public MatchingOverview overview(java.time.Instant nextRunAt) {
        Object[] row = jobs.overview(JOB, java.time.Instant.now().minus(java.time.Duration.ofHours(24)));
        return new MatchingOverview(row[0] == null ? null : ((java.sql.Timestamp) row[0]).toInstant(), (String) row[1],
                ((Number) row[2]).intValue(), ((Number) row[3]).intValue(), nextRunAt);
    }

    /** The job's end (its listener): the run's figures recorded, the lease given back. */
    @PermitAll
    public void ended(String lease, long runId, long executionId, String status) {
        Optional<JobExecutionFacts> execution = job.execution(executionId);
        long read = execution.map(JobExecutionFacts::read).orElse(0L);
        long written = execution.map(JobExecutionFacts::written).orElse(0L);
        jobs.ended(runId, status, read, written);
        jobs.release(JOB, lease);
        LOG.info(() -> "Track matching run " + runId + " ended " + status + ": " + read + " read, " + written + " decided");
    }

    /** A chunk is done: the run still holds the job. */
    @PermitAll
    public void stillRunning(String lease) {
        jobs.renew(JOB, lease, LEASE);
    }

    private Optional<MatchingRun> startRun(String startedBy, boolean askSpotify) {
        Properties parameters = new Properties();
        parameters.setProperty(SPOTIFY_PARAMETER, Boolean.toString(askSpotify));
        // A chunk is one transaction of the batch runtime (180 s at most): one that may wait on Spotify's
        // pace stays small; the catalog alone decides a thousand plays in well under a second.
        parameters.setProperty(CHUNK_PARAMETER, Integer.toString(askSpotify ? CHUNK_WITH_SPOTIFY : CHUNK_CATALOG_ONLY));
        return launch(startedBy, parameters, with -> job.start(JOB, with)).map(this::run);
    }

    /**
     * Takes the job's lease, records the run and launches it ({@code launcher}: a start or a
     * restart) with its lease and run added to {@code parameters}; empty when another run holds
     * the job. A launch that fails gives the lease back and records the run failed.
     */
    private Optional<Long> launch(String startedBy, Properties parameters, Function<Properties, Long> launcher) {
        String lease = NodeIdentity.nodeId() + "/" + UUID.randomUUID();
        if (!jobs.lease(JOB, lease, LEASE)) {
            LOG.fine(() -> "Track matching (" + startedBy + ") not started: a run is under way");
            return Optional.empty();
        }
        long runId = jobs.started(JOB, NodeIdentity.nodeId(), startedBy);
        parameters.setProperty(LEASE_PARAMETER, lease);
        parameters.setProperty(RUN_PARAMETER, Long.toString(runId));
        long execution;
        try {
            execution = launcher.apply(parameters);
        } catch (RuntimeException e) {
            jobs.ended(runId, "FAILED", 0, 0);
            jobs.release(JOB, lease);
            throw e;
        }
        jobs.executing(runId, execution);
        LOG.info(() -> "Track matching started by " + startedBy + " (execution " + execution + ", run " + runId + ")");
        return Optional.of(execution);
    }

    /** @throws PikaException NOT_FOUND for no such run of this job */
    public MatchingRun run(long executionId) {
        JobExecutionFacts execution = execution(executionId);
        return new MatchingRun(executionId, execution.status(), execution.startedAt(), execution.endedAt(), execution.read(),
                execution.written(), matches.undecidedCount());
    }

    private JobExecutionFacts execution(long executionId) {
        return job.execution(executionId).filter(execution -> JOB.equals(execution.jobName()))
                .orElseThrow(() -> PikaException.notFound("No such run"));
    }
}
