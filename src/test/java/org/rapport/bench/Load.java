package org.rapport.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * The load generator: closed-loop clients (each sends its next request when the last one is
 * answered) or a paced open loop, over HTTP/1.1 from this process to the service's.
 */
final class Load {

    /** What a request should look like; {@code client} is the index of the client sending it. */
    interface Requests {
        HttpRequest next(int client, long sequence);
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private final URI base;

    Load(URI base) {
        this.base = base;
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code clients} closed loops for {@code duration} after a short warm-up that is not counted. */
    Stats closedLoop(int clients, Duration warmUp, Duration duration, int expectedStatus, Requests requests) {
        var latencies = new ConcurrentLinkedQueue<long[]>();
        var failures = new AtomicLong();
        var firstFailure = new java.util.concurrent.atomic.AtomicReference<String>();
        long startAt = System.nanoTime() + warmUp.toNanos();
        long endAt = startAt + duration.toNanos();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                int client = c;
                threads.submit(() -> {
                    var mine = new long[1 << 16];
                    int n = 0;
                    long sequence = 0;
                    while (true) {
                        long sent = System.nanoTime();
                        if (sent >= endAt) {
                            break;
                        }
                        var answer = send(requests.next(client, sequence++));
                        long took = System.nanoTime() - sent;
                        if (sent < startAt) {
                            continue;
                        }
                        if (answer.statusCode() != expectedStatus) {
                            failures.incrementAndGet();
                            firstFailure.compareAndSet(null, answer.statusCode() + " " + answer.body());
                            continue;
                        }
                        if (n == mine.length) {
                            latencies.add(mine);
                            mine = new long[mine.length];
                            n = 0;
                        }
                        mine[n++] = took;
                    }
                    latencies.add(java.util.Arrays.copyOf(mine, n));
                    return null;
                });
            }
        }
        return Stats.of(latencies, failures.get(), firstFailure.get(), duration);
    }

    /**
     * Sends requests 0 to {@code count - 1}, each once, from {@code clients} closed loops; every
     * answer goes to {@code answers}. Any answer but {@code expectedStatus} stops the run: the
     * workload is meant to be valid.
     */
    Stats all(int count, int clients, int expectedStatus, IntFunction<HttpRequest> requests,
            java.util.function.ObjIntConsumer<HttpResponse<String>> answers) {
        var next = new java.util.concurrent.atomic.AtomicInteger();
        var latencies = new ConcurrentLinkedQueue<long[]>();
        long start = System.nanoTime();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = new ArrayList<java.util.concurrent.Future<?>>();
            for (int c = 0; c < clients; c++) {
                futures.add(threads.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        long sent = System.nanoTime();
                        var answer = send(requests.apply(i));
                        latencies.add(new long[] {System.nanoTime() - sent});
                        if (answer.statusCode() != expectedStatus) {
                            next.set(count);
                            throw new IllegalStateException("request " + i + " answered " + answer.statusCode()
                                    + ": " + answer.body());
                        }
                        answers.accept(answer, i);
                    }
                    return null;
                }));
            }
            for (var f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        return Stats.of(latencies, 0, null, Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * An open loop: starts {@code rate} requests a second for {@code duration}, whatever the
     * answers' latency, so a slow answer cannot slow the offered load.
     */
    Stats paced(int rate, Duration duration, int expectedStatus, IntFunction<HttpRequest> requests,
            java.util.function.ObjIntConsumer<HttpResponse<String>> answers) {
        var latencies = new ConcurrentLinkedQueue<long[]>();
        var failures = new AtomicLong();
        var firstFailure = new java.util.concurrent.atomic.AtomicReference<String>();
        long total = rate * duration.toSeconds();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                int index = i;
                threads.submit(() -> {
                    var answer = send(requests.apply(index));
                    long took = System.nanoTime() - due;
                    if (answer.statusCode() != expectedStatus) {
                        failures.incrementAndGet();
                        firstFailure.compareAndSet(null, answer.statusCode() + " " + answer.body());
                    } else {
                        latencies.add(new long[] {took});
                        answers.accept(answer, index);
                    }
                    return null;
                });
            }
        }
        return Stats.of(latencies, failures.get(), firstFailure.get(), Duration.ofNanos(System.nanoTime() - start));
    }

    /** Counts and latency percentiles of one run. */
    record Stats(long count, long failures, String firstFailure, double perSecond, double p50Millis,
            double p99Millis) {

        static Stats of(java.util.Collection<long[]> chunks, long failures, String firstFailure, Duration over) {
            var all = new ArrayList<Long>();
            chunks.forEach(chunk -> {
                for (long l : chunk) {
                    all.add(l);
                }
            });
            return of(all, failures, firstFailure, over);
        }

        static Stats of(List<Long> nanos, long failures, String firstFailure, Duration over) {
            var sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            return new Stats(sorted.length, failures, firstFailure, sorted.length / (over.toNanos() / 1e9),
                    percentile(sorted, 0.50), percentile(sorted, 0.99));
        }

        static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1e6;
        }
    }
}
