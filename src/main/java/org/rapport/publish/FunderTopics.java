package org.rapport.publish;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import org.jboss.logging.Logger;
import org.rapport.funders.FunderRegistered;

/**
 * Creates a funder's two topics when the funder is registered, so that its first funding does not
 * hold up the relay while the broker creates them. The relay still creates any topic it lacks.
 */
@ApplicationScoped
public class FunderTopics {

    private static final Logger LOG = Logger.getLogger(FunderTopics.class);

    private final KafkaClients kafka;

    public FunderTopics(KafkaClients kafka) {
        this.kafka = kafka;
    }

    void prepare(@ObservesAsync FunderRegistered registered) {
        try {
            kafka.ensureTopic(Topics.funderEvents(registered.funderId()));
            kafka.ensureTopic(Topics.funderHealth(registered.funderId()));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warnf("Could not create the topics of funder %s now; the relay will create them when it first"
                    + " publishes to them: %s", registered.funderId(), e.toString());
        }
    }
}
