/**
 * The track-matching job's chunk artifacts ({@code META-INF/batch-jobs/track-matching.xml}): a
 * reader of undecided plays and a writer that has the crate boundary decide and record them.
 */
package stream.pika.batch.matching;
