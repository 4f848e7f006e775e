/**
 * The /ws endpoint, its message codec and the registry of live connections, with the writing
 * path (frames built once per message, writer threads, the container's idle timer left out).
 */
package stream.pika.web.ws;
