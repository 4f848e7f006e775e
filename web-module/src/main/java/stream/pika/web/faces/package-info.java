/**
 * Backing beans of the role dashboards (Jakarta Faces + PrimeFaces).
 */
package stream.pika.web.faces;
