/**
 * The /ws endpoint, its message codec, the connect limit and the registry of live connections.
 * Connections write through the container seam ({@link stream.pika.web.container}), which holds
 * everything that reaches into the container's internals.
 */
package stream.pika.web.ws;
