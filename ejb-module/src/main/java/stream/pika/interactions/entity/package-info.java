/**
 * Likes, tempo-vote tallies, polls and poll votes as stored in PostgreSQL.
 */
package stream.pika.interactions.entity;
