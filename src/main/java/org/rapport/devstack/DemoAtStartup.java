package org.rapport.devstack;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Dev mode only: on start-up into an empty database, records the demonstration portfolio, so
 * that a newcomer's first sign-in opens on partnerships that mean something.
 * {@code rapport.dev.demo=false} skips it.
 */
@IfBuildProfile("dev")
public class DemoAtStartup {

    private static final Logger LOG = Logger.getLogger("rapport");

    void tell(@Observes StartupEvent start, DemoPortfolio demo,
            @ConfigProperty(name = "rapport.dev.demo", defaultValue = "true") boolean enabled) {
        if (!enabled) {
            return;
        }
        try {
            // On a Vert.x context of its own, as a request's would be; start-up waits, so the
            // dashboard's first page already shows the portfolio.
            var told = VertxContextSupport.subscribeAndAwait(demo::recordIfEmpty);
            if (!told.isEmpty()) {
                LOG.infof("Recorded the demonstration portfolio: %s", String.join(", ", told.keySet()));
            }
        } catch (Throwable e) {
            LOG.warn("The demonstration portfolio could not be recorded", e);
        }
    }
}
