package stream.pika.crate.entity;

import java.util.List;

/** What a catalog import did: rows read, records created and merged (same Spotify URI or ISRC), rows refused with their lines. */
public record ImportReport(long importId, long rowsRead, int created, int merged, List<RefusedRow> refused) {
}
