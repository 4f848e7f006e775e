/**
 * Account rules and storage: password hashing, token issue and hashing, slugs, repositories.
 */
package stream.pika.identity.control;
