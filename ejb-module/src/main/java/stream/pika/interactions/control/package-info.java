/**
 * Interaction rules: one like per track, vote windows, poll lifecycle, announcement expiry.
 */
package stream.pika.interactions.control;
