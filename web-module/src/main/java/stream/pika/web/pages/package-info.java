/**
 * The dancer's pages (the live page, the event companion, the music journal): HTML rendered per
 * request (each carries the request's CSP nonce on its one script), the rest is static files of
 * the WAR. Only the journal needs a signed-in dancer.
 */
package stream.pika.web.pages;
