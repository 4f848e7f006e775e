/**
 * Limits on what clients send, checked before anything is built from it: the shape of JSON
 * (depth, number size, NUL, trailing data, field types) for /ws frames and REST bodies alike, and
 * the size of request bodies.
 */
package stream.pika.web.input;
