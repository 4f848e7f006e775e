/** The check that pika.ear really deploys on Payara Server 6 with the domain setup from payara-config. */
package stream.pika.ear;
