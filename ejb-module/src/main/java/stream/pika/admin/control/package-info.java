/**
 * Administration rules and their repositories (phase 5).
 */
package stream.pika.admin.control;
