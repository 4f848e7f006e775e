/**
 * JAX-RS resources under /api and their filters and exception mappers: they translate HTTP to boundary calls and back.
 */
package stream.pika.web.rest;
