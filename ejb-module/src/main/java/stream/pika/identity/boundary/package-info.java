/**
 * DJ accounts as other code sees them: register, sign in, DJ tokens and their verification.
 */
package stream.pika.identity.boundary;
