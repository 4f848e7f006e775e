/**
 * Live sessions as other code sees them: going live, now playing, ending a set, who is listening.
 */
package stream.pika.live.boundary;
