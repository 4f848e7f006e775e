/**
 * The global track catalog as other code sees it (phase 4): matching, verification, exports.
 */
package stream.pika.crate.boundary;
