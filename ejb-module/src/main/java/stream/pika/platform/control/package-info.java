/**
 * Infrastructure: the database schema at startup, Redis and the in-memory fallbacks (topic bus,
 * rate limiters), the wire format, the clock, configuration.
 */
package stream.pika.platform.control;
