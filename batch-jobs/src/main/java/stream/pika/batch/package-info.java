/**
 * Jakarta Batch jobs (job XML in {@code META-INF/batch-jobs}) and their chunk artifacts, such as
 * matching played tracks against the global catalog. Artifacts call ejb-module boundaries. An EJB
 * module of its own: each job is started and read by a bean here, where the batch runtime finds it.
 */
package stream.pika.batch;
