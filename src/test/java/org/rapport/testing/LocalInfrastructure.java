package org.rapport.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;
import org.rapport.devstack.LocalPostgres;

/**
 * Real infrastructure for the tests: a PostgreSQL server started in this JVM (shared by every
 * test class, also the packaged-jar tests) and the public key that verifies the tests' tokens.
 */
public class LocalInfrastructure implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        var config = new HashMap<>(LocalPostgres.start());
        config.put("mp.jwt.verify.publickey", Tokens.publicKey());
        config.put("mp.jwt.verify.issuer", Tokens.ISSUER);
        return config;
    }

    @Override
    public void stop() {
        // The server lives as long as the JVM: Quarkus restarts the application between test
        // profiles, and each restart would otherwise pay for a new server.
    }
}
