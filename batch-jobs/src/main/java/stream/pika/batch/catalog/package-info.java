/**
 * The catalog-import job's chunk artifacts ({@code META-INF/batch-jobs/catalog-import.xml}): a
 * reader of an import's kept file and a writer that has the crate boundary write each chunk.
 */
package stream.pika.batch.catalog;
