package org.rapport.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same suite against the packaged application. */
@QuarkusIntegrationTest
class PartnershipApiIT extends PartnershipApiTests {
}
