package org.rapport.eventstore;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same suite against the packaged application. */
@QuarkusIntegrationTest
class FeedIT extends FeedTests {
}
