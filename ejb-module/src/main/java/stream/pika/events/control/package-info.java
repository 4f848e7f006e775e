/**
 * Event and stage rules and their repositories (phase 2).
 */
package stream.pika.events.control;
