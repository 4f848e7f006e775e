/**
 * Starting Pika! on Payara Micro outside a container: finding or starting PostgreSQL, creating the
 * database, launching Micro with the pre-boot commands and waiting until it answers. Used by the
 * README's run command and by the integration tests; never deployed.
 */
package stream.pika.payara;
