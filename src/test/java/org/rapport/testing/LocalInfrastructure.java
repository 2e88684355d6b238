package org.rapport.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;
import org.rapport.devstack.LocalKafka;
import org.rapport.devstack.LocalPostgres;

/**
 * Real infrastructure for the tests: a PostgreSQL server and a Kafka broker started in this JVM
 * (shared by every test class, also the packaged-jar tests) and the public key that verifies the
 * tests' tokens.
 */
public class LocalInfrastructure implements QuarkusTestResourceLifecycleManager {

    public static final String JDBC_URL = "rapport.test.jdbc-url";
    public static final String KAFKA = "rapport.test.kafka";

    @Override
    public Map<String, String> start() {
        var config = new HashMap<>(LocalPostgres.start());
        // Tests that open their own connections find the server here, whichever class loader runs them.
        System.setProperty(JDBC_URL, config.get("quarkus.datasource.jdbc.url"));
        var kafka = LocalKafka.start();
        System.setProperty(KAFKA, kafka);
        config.put("kafka.bootstrap.servers", kafka);
        config.put("rapport.kafka.poll-interval", "PT0.05S");
        config.put("quarkus.http.cors.origins", "https://app.example.org");
        // Tests run the reassessment themselves, at the moments they choose.
        config.put("rapport.reassessment.cron", "off");
        config.put("rapport.reassessment.on-model-change", "false");
        config.put("mp.jwt.verify.publickey", Tokens.publicKey());
        config.put("mp.jwt.verify.issuer", Tokens.ISSUER);
        // What dev mode offers the dashboard for one-click sign-in.
        config.put("rapport.dev.tokens", "admin|" + Tokens.admin());
        return config;
    }

    /** A connection of the tests' own to the service's database (user and password are the local server's). */
    public static java.sql.Connection connect() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(System.getProperty(JDBC_URL), "postgres", "postgres");
    }

    @Override
    public void stop() {
        // The server lives as long as the JVM: Quarkus restarts the application between test
        // profiles, and each restart would otherwise pay for a new server.
    }
}
