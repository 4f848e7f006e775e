/**
 * Cross-cutting services other code calls: rate limits, system health, the application's errors.
 */
package stream.pika.platform.boundary;
