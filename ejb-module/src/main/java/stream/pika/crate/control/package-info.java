/**
 * Track matching and catalog rules and their repositories (phase 4).
 */
package stream.pika.crate.control;
