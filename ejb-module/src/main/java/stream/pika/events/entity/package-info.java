/**
 * Events, stages, schedule slots and bookings as stored in PostgreSQL (phase 2).
 */
package stream.pika.events.entity;
