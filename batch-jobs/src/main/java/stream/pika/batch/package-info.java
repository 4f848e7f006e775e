/**
 * Jakarta Batch jobs (job XML in {@code META-INF/batch-jobs}) and their chunk artifacts, such as
 * matching played tracks against the global catalog. Artifacts call ejb-module boundaries.
 */
package stream.pika.batch;
