/**
 * What dancers and the DJ do in a session: likes, tempo votes, polls, reactions, announcements.
 */
package stream.pika.interactions.boundary;
