package org.rapport.testing;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Where the spans of a test go instead of a collector: a span exporter bean replaces the OTLP
 * exporter. Spans are made only where a test turns tracing on (quarkus.otel.sdk.disabled=false).
 */
public class InMemorySpans {

    @Produces
    @Singleton
    InMemorySpanExporter spans() {
        return InMemorySpanExporter.create();
    }
}
