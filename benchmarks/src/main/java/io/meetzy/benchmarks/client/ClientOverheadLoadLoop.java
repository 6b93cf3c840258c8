package io.meetzy.benchmarks.client;

import io.meetzy.client.MeetzyClient;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An A/B load loop beside the JMH benchmark: it alternates blocks of calls through
 * {@link MeetzyClient} and through the raw {@link HttpClient} against the same loopback server,
 * so a change in background load hits both sides of each pair of blocks alike. For every pair it
 * computes the ratio of median latencies and of throughputs, and prints the median of those
 * ratios. It also prints the CPU time the calling thread spends per call on each path, which
 * depends far less on other load than wall-clock time does.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar -Dsun.net.httpserver.nodelay=true
 * io.meetzy.benchmarks.client.ClientOverheadLoadLoop [pairs] [callsPerBlock] [read-body]}. With
 * {@code read-body}, each {@code MeetzyClient} call also reads the parsed JSON body.
 */
public final class ClientOverheadLoadLoop {

    /** Pairs and calls per block by default: about a minute on a 2-core machine. */
    private static final int DEFAULT_PAIRS = 40;
    private static final int DEFAULT_CALLS_PER_BLOCK = 2_000;

    /** Calls of each kind before measuring, so both paths are compiled by the JIT. */
    private static final int WARMUP_CALLS = 20_000;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ClientOverheadLoadLoop() {
    }

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PAIRS;
        int callsPerBlock = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_CALLS_PER_BLOCK;
        boolean readBody = args.length > 2 && args[2].equals("read-body");

        ClientOverheadBenchmark endpoint = new ClientOverheadBenchmark();
        endpoint.start();
        try {
            for (int i = 0; i < WARMUP_CALLS; i++) {
                callMeetzy(endpoint, readBody);
                callRaw(endpoint);
            }

            List<Double> latencyRatios = new ArrayList<>();
            List<Double> throughputRatios = new ArrayList<>();
            List<Double> meetzyCpu = new ArrayList<>();
            List<Double> rawCpu = new ArrayList<>();
            for (int pair = 0; pair < pairs; pair++) {
                boolean meetzyFirst = pair % 2 == 0;
                Block first = measure(endpoint, meetzyFirst, readBody, callsPerBlock);
                Block second = measure(endpoint, !meetzyFirst, readBody, callsPerBlock);
                Block meetzy = meetzyFirst ? first : second;
                Block raw = meetzyFirst ? second : first;

                latencyRatios.add(meetzy.medianNanos() / raw.medianNanos());
                throughputRatios.add(meetzy.callsPerSecond() / raw.callsPerSecond());
                meetzyCpu.add(meetzy.cpuNanosPerCall());
                rawCpu.add(raw.cpuNanosPerCall());
            }

            System.out.printf(Locale.ROOT, "pairs=%d callsPerBlock=%d readBody=%b%n", pairs, callsPerBlock, readBody);
            System.out.printf(Locale.ROOT, "median latency ratio (MeetzyClient / raw): %.3f%n", median(latencyRatios));
            System.out.printf(Locale.ROOT, "throughput ratio (MeetzyClient / raw):     %.3f%n", median(throughputRatios));
            System.out.printf(Locale.ROOT, "calling-thread CPU per call: MeetzyClient %.1f us, raw %.1f us%n",
                    median(meetzyCpu) / 1_000, median(rawCpu) / 1_000);
        } finally {
            endpoint.stop();
        }
    }

    private static Block measure(ClientOverheadBenchmark endpoint, boolean meetzy, boolean readBody, int calls)
            throws Exception {
        long[] nanos = new long[calls];
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long blockStart = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            if (meetzy) {
                callMeetzy(endpoint, readBody);
            } else {
                callRaw(endpoint);
            }
            nanos[i] = System.nanoTime() - start;
        }
        long blockNanos = System.nanoTime() - blockStart;
        long cpuNanos = THREADS.getCurrentThreadCpuTime() - cpuStart;

        Arrays.sort(nanos);
        return new Block(nanos[calls / 2], calls * 1e9 / blockNanos, (double) cpuNanos / calls);
    }

    /** Calls through MeetzyClient and checks the result, so that the JIT cannot drop any of it. */
    private static void callMeetzy(ClientOverheadBenchmark endpoint, boolean readBody) {
        boolean complete = readBody
                ? endpoint.meetzyClientReadBody().path("data").size() == 2
                : endpoint.meetzyClient().statusCode() == 200;
        if (!complete) {
            throw new IllegalStateException("MeetzyClient returned an unexpected response.");
        }
    }

    private static void callRaw(ClientOverheadBenchmark endpoint) throws Exception {
        if (endpoint.rawHttpClient().isEmpty()) {
            throw new IllegalStateException("The benchmark server returned an empty body.");
        }
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** One block's median latency, its throughput and the calling thread's CPU time per call. */
    private record Block(double medianNanos, double callsPerSecond, double cpuNanosPerCall) {
    }
}
