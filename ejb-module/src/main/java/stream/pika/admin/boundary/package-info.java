/**
 * Platform administration (phase 5): DJ applications, the audit trail, health figures.
 */
package stream.pika.admin.boundary;
