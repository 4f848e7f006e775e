/**
 * Applications and audit entries as stored in PostgreSQL (phase 5).
 */
package stream.pika.admin.entity;
