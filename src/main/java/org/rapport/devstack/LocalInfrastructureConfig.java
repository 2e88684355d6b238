package org.rapport.devstack;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

/**
 * In dev mode, and only there, starts a local PostgreSQL server when no database is configured
 * and points the datasource at it. Dev mode reloads the application in the same JVM: the
 * server's port is kept in a system property so a reload reuses the server.
 */
public class LocalInfrastructureConfig implements ConfigSourceFactory {

    private static final Logger LOG = Logger.getLogger(LocalInfrastructureConfig.class);
    private static final String PORT_PROPERTY = "rapport.local.postgres.port";
    private static final String LAUNCHER = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!context.getProfiles().contains("dev") || configured(context) || !onClassPath()) {
            return List.of();
        }
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
        return List.of(new PropertiesConfigSource(config, "rapport-local-infrastructure", 150));
    }

    private static boolean configured(ConfigSourceContext context) {
        var url = context.getValue("quarkus.datasource.reactive.url");
        return url != null && url.getValue() != null;
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
