package org.rapport.devstack;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.PropertiesConfigSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

/**
 * In dev mode, and only there: starts a local PostgreSQL server when no database is configured
 * and points the datasource at it; and when no token key is configured, makes a key pair and
 * tokens signed with it (printed by DevWelcome); and when no Kafka is configured, starts a local broker. Dev mode reloads the application in the same JVM: the
 * server's port is kept in a system property so a reload reuses the server. The source ranks
 * above application.properties and below environment variables and system properties.
 */
public class LocalInfrastructureConfig implements ConfigSourceFactory {

    private static final Logger LOG = Logger.getLogger(LocalInfrastructureConfig.class);
    private static final String PORT_PROPERTY = "rapport.local.postgres.port";
    private static final String KAFKA_PROPERTY = "rapport.local.kafka.servers";
    private static final String LAUNCHER = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!context.getProfiles().contains("dev")) {
            return List.of();
        }
        var config = new HashMap<String, String>();
        if (!configured(context, "quarkus.datasource.reactive.url") && onClassPath()) {
            config.putAll(postgres());
        }
        if (!configured(context, "mp.jwt.verify.publickey.location")) {
            config.putAll(tokens());
        }
        if (!configured(context, "kafka.bootstrap.servers") && onClassPath()) {
            config.putAll(kafka());
        }
        return List.of(new PropertiesConfigSource(config, "rapport-local-infrastructure", 275));
    }

    /**
     * Tokens for the demonstration portfolio's people (DemoStories): an admin, a partner at
     * Respect (the Drive Partnership), a partner at Norfolk County Council (Holiday Lunches and
     * the housing partnership) and the Home Office's system (a funder of two of them). The
     * dashboard offers them for one-click sign-in (GET /dev/tokens); DevWelcome prints them.
     */
    private static Map<String, String> tokens() {
        var admin = LocalTokens.token("local-admin", List.of("admin"), null);
        var respect = LocalTokens.token("person-at-respect", List.of("partner"), "respect");
        var council = LocalTokens.token("person-at-norfolk", List.of("partner"), "norfolk-county-council");
        var funder = LocalTokens.funderToken("system-of-home-office", "home-office");
        return Map.of("mp.jwt.verify.publickey", LocalTokens.publicKey(),
                "mp.jwt.verify.issuer", LocalTokens.ISSUER,
                "rapport.dev.tokens", "admin|" + admin + ";partner at respect|" + respect
                        + ";partner at norfolk-county-council|" + council + ";funder home-office|" + funder);
    }

    private static Map<String, String> kafka() {
        var servers = System.getProperty(KAFKA_PROPERTY);
        if (servers == null) {
            servers = LocalKafka.start();
            Runtime.getRuntime().addShutdownHook(new Thread(LocalKafka::stop, "local-kafka-stop"));
            System.setProperty(KAFKA_PROPERTY, servers);
            LOG.debugf("Started a local Kafka broker for dev mode at %s", servers);
        }
        return Map.of("kafka.bootstrap.servers", servers);
    }

    private static Map<String, String> postgres() {
        var port = System.getProperty(PORT_PROPERTY);
        Map<String, String> config;
        if (port == null) {
            config = LocalPostgres.start();
            Runtime.getRuntime().addShutdownHook(new Thread(LocalPostgres::stop, "local-postgres-stop"));
            var url = config.get("quarkus.datasource.jdbc.url");
            System.setProperty(PORT_PROPERTY, url.replaceAll(".*:(\\d+)/.*", "$1"));
            LOG.debugf("Started a local PostgreSQL server for dev mode at %s", url);
        } else {
            config = LocalPostgres.datasourceConfig(Integer.parseInt(port));
        }
        return config;
    }

    private static boolean configured(ConfigSourceContext context, String key) {
        var value = context.getValue(key);
        return value != null && value.getValue() != null;
    }

    private static boolean onClassPath() {
        try {
            Class.forName(LAUNCHER, false, LocalInfrastructureConfig.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            LOG.warn("No local PostgreSQL binaries on the class path; configure quarkus.datasource.*");
            return false;
        }
    }
}
