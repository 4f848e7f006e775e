/**
 * Black-box integration tests: a real Payara Micro running pika.war against the local PostgreSQL,
 * started once per test run ({@link stream.pika.it.TestServer}), driven over HTTP.
 */
package stream.pika.it;
