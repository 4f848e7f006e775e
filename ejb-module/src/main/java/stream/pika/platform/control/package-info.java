/**
 * Infrastructure: the database schema at startup, rate-limiter implementations, the clock, configuration.
 */
package stream.pika.platform.control;
