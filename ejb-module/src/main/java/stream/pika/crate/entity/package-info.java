/**
 * Global tracks and match results as stored in PostgreSQL (phase 4).
 */
package stream.pika.crate.entity;
