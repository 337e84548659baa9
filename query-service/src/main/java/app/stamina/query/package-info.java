/**
 * The query service: Kafka consumer, MongoDB read models and the query API. Its code arrives with issue 4.
 */
package app.stamina.query;
