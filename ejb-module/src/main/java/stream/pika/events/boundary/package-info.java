/**
 * Events and stages as other code sees them (phase 2): schedules, stage subscriptions, bookings.
 */
package stream.pika.events.boundary;
