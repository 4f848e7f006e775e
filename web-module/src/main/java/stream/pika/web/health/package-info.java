/**
 * GET /health in the original's shape and the MicroProfile readiness check.
 */
package stream.pika.web.health;
