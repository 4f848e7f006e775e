/**
 * The one seam between Pika! and the container's internals (Payara's Grizzly and Tyrus). Everything
 * the live path does beyond the Jakarta WebSocket API goes through {@link
 * stream.pika.web.container.ContainerTuning}: {@link stream.pika.web.container.StandardContainer}
 * uses the standard API only, {@link stream.pika.web.container.PayaraContainer} adds the measured
 * tunings (frames written once per message, no idle timer per message, upgrade leftovers freed,
 * WebSocket connections never examined as HTTP/2, writer threads with Grizzly's buffer pool, a
 * hard close for a connection that stopped reading). {@code PIKA_WS_CONTAINER_TUNING=auto} picks
 * the tuned one only when a probe of the running container matches what was tested; {@code off}
 * always the standard one. Every change is made per connection, never container-wide.
 */
package stream.pika.web.container;
