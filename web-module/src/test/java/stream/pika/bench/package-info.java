/**
 * The fan-out benchmark: DJs broadcasting to many listeners over real WebSocket connections,
 * against any Pika! URL, as one or several load processes.
 */
package stream.pika.bench;
