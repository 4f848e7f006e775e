/**
 * Push delivery: VAPID signing, encryption, the delivery worker and subscription repositories.
 */
package stream.pika.push.control;
