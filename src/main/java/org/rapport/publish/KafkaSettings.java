package org.rapport.publish;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How Rapport publishes to Kafka. */
@ConfigMapping(prefix = "rapport.kafka")
public interface KafkaSettings {

    /** Partitions of each topic Rapport creates. */
    @WithDefault("6")
    int partitions();

    /** Replication factor of each topic Rapport creates. */
    @WithDefault("1")
    short replicationFactor();

    /** Whether this instance runs the relay (one instance publishes at a time anyway). */
    @WithDefault("true")
    boolean relayEnabled();

    /** Events published per round trip of the relay. */
    @WithDefault("500")
    int batchSize();

    /** How long the relay waits when there is nothing new. */
    @WithDefault("PT0.1S")
    Duration pollInterval();

    /** How often the relay's backlog (the lag gauges) is measured. */
    @WithDefault("PT5S")
    Duration lagInterval();

    /** How long the relay waits after a failure (the broker down, say) before trying again. */
    @WithDefault("PT1S")
    Duration retryInterval();
}
