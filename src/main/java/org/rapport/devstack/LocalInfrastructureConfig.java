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
 * prints tokens signed with it; and when no Kafka is configured, starts a local broker. Dev mode reloads the application in the same JVM: the
 * server's port is kept in a system property so a reload reuses the server. The source ranks
 * above application.properties and below environment variables and system properties.
 */
public class LocalInfrastructureConfig implements ConfigSourceFactory {

    private static final Logger LOG = Logger.getLogger(LocalInfrastructureConfig.class);
    private static final String PORT_PROPERTY = "rapport.local.postgres.port";
    private static final String KAFKA_PROPERTY = "rapport.local.kafka.servers";
    private static final String TOKENS_PRINTED = "rapport.local.tokens.printed";
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

    private static Map<String, String> tokens() {
        boolean first = System.getProperty(TOKENS_PRINTED) == null;
        var admin = LocalTokens.token("local-admin", List.of("admin"), null);
        var orgA = LocalTokens.token("person-at-org-a", List.of("partner"), "org-a");
        var orgB = LocalTokens.token("person-at-org-b", List.of("partner"), "org-b");
        var funder = LocalTokens.funderToken("system-of-dev-funder", "dev-funder");
        // The dashboard offers these for one-click sign-in (GET /dev/tokens), in dev mode only.
        var config = Map.of("mp.jwt.verify.publickey", LocalTokens.publicKey(),
                "mp.jwt.verify.issuer", LocalTokens.ISSUER,
                "rapport.dev.tokens", "admin|" + admin + ";partner of org-a|" + orgA + ";partner of org-b|" + orgB
                        + ";funder dev-funder|" + funder);
        if (first) {
            System.setProperty(TOKENS_PRINTED, "true");
            LOG.infof("""
                    Dev-mode tokens (valid 12 hours, signed with a key made at start-up):
                      admin:              %s
                      partner of org-a:   %s
                      partner of org-b:   %s
                      funder dev-funder:  %s (register it first: POST /admin/funders {"funderId":"dev-funder",...})
                    Use one as: curl -H "Authorization: Bearer <token>" http://localhost:8080/partnerships/...
                    or sign in to the dashboard at http://localhost:8080/ with one click.""", admin, orgA, orgB, funder);
        }
        return config;
    }

    private static Map<String, String> kafka() {
        var servers = System.getProperty(KAFKA_PROPERTY);
        if (servers == null) {
            servers = LocalKafka.start();
            Runtime.getRuntime().addShutdownHook(new Thread(LocalKafka::stop, "local-kafka-stop"));
            System.setProperty(KAFKA_PROPERTY, servers);
            LOG.infof("Started a local Kafka broker for dev mode at %s", servers);
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
            LOG.infof("Started a local PostgreSQL server for dev mode at %s", url);
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
