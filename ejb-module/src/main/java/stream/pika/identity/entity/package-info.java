/**
 * DJ accounts and DJ tokens as stored in PostgreSQL, and the identity value records.
 */
package stream.pika.identity.entity;
