/**
 * Authentication mechanisms (DJ bearer tokens), the client address, security headers.
 */
package stream.pika.web.security;
