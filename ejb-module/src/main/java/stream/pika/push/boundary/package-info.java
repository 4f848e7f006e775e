/**
 * Web Push as other code sees it: subscribing a phone and notifying a session's subscribers.
 */
package stream.pika.push.boundary;
