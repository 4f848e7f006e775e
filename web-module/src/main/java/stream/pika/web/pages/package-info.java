/**
 * The pages a dancer opens without signing in: HTML rendered per request (each carries the
 * request's CSP nonce on its one script), the rest of the page is static files of the WAR.
 */
package stream.pika.web.pages;
