/**
 * Live-session rules: ownership, the broadcast rate rule, expiry and listener counting.
 */
package stream.pika.live.control;
