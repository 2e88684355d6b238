package org.rapport.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import java.util.HashMap;
import java.util.Map;

/**
 * The W3C trace context ({@code traceparent}, {@code tracestate}) of the request that appended an
 * event: stored with the event, carried on its Kafka records as the CloudEvents distributed
 * tracing extension, and linked from the span that publishes it. Both are null when nothing was
 * traced (tracing off, or an event older than tracing).
 */
public record TraceContext(String traceparent, String tracestate) {

    public static final TraceContext NONE = new TraceContext(null, null);

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    /** The context of the span current on this thread or Vert.x context; NONE when there is none. */
    public static TraceContext current() {
        var headers = new HashMap<String, String>(4);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), headers, Map::put);
        var parent = headers.get("traceparent");
        if (parent == null) {
            return NONE;
        }
        var state = headers.get("tracestate");
        return new TraceContext(parent, state == null || state.isBlank() ? null : state);
    }

    /** The span this context names, to link another span to it; invalid when it names none. */
    public SpanContext spanContext() {
        if (traceparent == null) {
            return SpanContext.getInvalid();
        }
        var headers = new HashMap<String, String>(4);
        headers.put("traceparent", traceparent);
        if (tracestate != null) {
            headers.put("tracestate", tracestate);
        }
        var extracted = W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, MAP);
        return Span.fromContext(extracted).getSpanContext();
    }
}
