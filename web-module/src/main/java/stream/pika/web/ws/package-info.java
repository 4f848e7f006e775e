/**
 * The /ws endpoint, its message codec and the registry of live connections.
 */
package stream.pika.web.ws;
