/**
 * Push subscriptions as stored in PostgreSQL.
 */
package stream.pika.push.entity;
