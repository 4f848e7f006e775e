/**
 * Sessions, session events and played tracks as stored in PostgreSQL, and the live-session value records.
 */
package stream.pika.live.entity;
