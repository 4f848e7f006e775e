package stream.pika.crate.entity;

import java.util.List;

/**
 * A catalog import as recorded: {@code running}, {@code done} or {@code failed}, what its rows
 * gave so far, the rows refused with their line numbers, and, for one run as a batch job, the
 * job's execution ({@code null} for an import made in the request).
 */
public record ImportStatus(long importId, String fileName, String status, long rowsRead, int created, int merged,
                           List<RefusedRow> refused, Long executionId) {
}
