/**
 * Cross-cutting value records: rate-limit policies and decisions, health figures.
 */
package stream.pika.platform.entity;
