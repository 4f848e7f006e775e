package stream.pika.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The fan-out benchmark. Opens S DJ connections (with a real DJ token) and L listeners per
 * session, broadcasts T tracks per DJ (one every {@code --interval-ms}, the server's broadcast
 * rule allowing), and prints delivered/expected, misrouted and duplicate deliveries, the
 * percentiles of DJ-send to listener-receive latency, the connect rate and the server's RSS.
 * With {@code --processes P} the sessions are split over P load processes (a process may hold
 * 20,000 open files here); latency is measured inside each process, so both clocks are one.
 * With {@code --listener-urls A,B} the DJs stay on {@code --url} and the listeners of each
 * session are spread over the given nodes in turn (a cluster behind no balancer).
 *
 * <pre>
 * FanOutBenchmark --url http://127.0.0.1:8080 --sessions 100 --listeners 100 --tracks 3 [--processes 2]
 *                 [--server-pid PID] [--token pk_dj_…] [--interval-ms 6000] [--connect-concurrency 64]
 *                 [--warmup-tracks 1] [--listener-urls http://127.0.0.1:8080,http://127.0.0.1:8081]
 *                 [--worker-jvm "-XX:+UseParallelGC -Xlog:gc:file=/tmp/worker-%p.log:utctime"]
 * </pre>
 * It also prints the wall-clock seconds whose deliveries were slowest, to set beside the
 * servers' and workers' GC logs ({@code -Xlog:gc:...:utctime}).
 */
public final class FanOutBenchmark {

    private FanOutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        if (options.containsKey("worker")) {
            LoadWorker.run(options);
            return;
        }
        coordinate(options);
    }

    private static void coordinate(Map<String, String> options) throws Exception {
        String url = options.getOrDefault("url", "http://127.0.0.1:8080");
        int sessions = Integer.parseInt(options.getOrDefault("sessions", "100"));
        int listeners = Integer.parseInt(options.getOrDefault("listeners", "100"));
        int tracks = Integer.parseInt(options.getOrDefault("tracks", "3"));
        int processes = Integer.parseInt(options.getOrDefault("processes", "1"));
        String token = options.containsKey("token") ? options.get("token") : registerDj(url);
        String run = UUID.randomUUID().toString().substring(0, 6);
        PrintStream out = System.out;
        out.printf("Pika! fan-out: DJs on %s, listeners on %s, %d sessions x %d listeners (%d connections), %d tracks per DJ,"
                        + " %d load process(es)%n", url, options.getOrDefault("listener-urls", url), sessions, listeners, sessions * (listeners + 1), tracks, processes);

        Path results = Files.createTempDirectory("pika-fanout-");
        List<Process> workers = new ArrayList<>();
        for (int p = 0; p < processes; p++) {
            int first = p * sessions / processes;
            int last = (p + 1) * sessions / processes;
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xss256k"));
            // The load process must not be what is measured: a young generation that holds a whole
            // broadcast phase (it collects before GO), so its own pauses stay out of the figures.
            command.addAll(List.of("-XX:+UseParallelGC", "-Xms2g", "-Xmn1200m"));
            if (options.containsKey("worker-jvm")) {
                command.addAll(Arrays.asList(options.get("worker-jvm").strip().split("\\s+")));
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), FanOutBenchmark.class.getName(),
                    "--worker", Integer.toString(p), "--url", url, "--token", token, "--run", run,
                    "--first-session", Integer.toString(first), "--last-session", Integer.toString(last),
                    "--sessions", Integer.toString(sessions), "--listeners", Integer.toString(listeners),
                    "--tracks", Integer.toString(tracks), "--results", results.resolve("worker-" + p).toString()));
            for (String option : List.of("interval-ms", "connect-concurrency", "warmup-tracks", "listener-urls", "client")) {
                if (options.containsKey(option)) {
                    command.addAll(List.of("--" + option, options.get(option)));
                }
            }
            workers.add(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }

        long connectStart = System.nanoTime();
        long cpuBeforeConnect = cpuMillis(options.get("server-pid"));
        List<BufferedReader> replies = new ArrayList<>();
        int connections = 0;
        long subscribedListeners = 0;
        long slowestListenerPhase = 0;
        long loadToolCpu = 0;
        for (Process worker : workers) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(worker.getInputStream()));
            replies.add(reader);
            String[] ready = expect(reader, "READY").split(" ");
            connections += Integer.parseInt(ready[1]);
            subscribedListeners += Long.parseLong(ready[2]);
            slowestListenerPhase = Math.max(slowestListenerPhase, Long.parseLong(ready[3]));
            loadToolCpu += Long.parseLong(ready[4]);
        }
        double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
        out.printf("connected: %d connections in %.1f s (%.0f connections/s, load processes' start and DJ registrations included)%n",
                connections, connectSeconds, connections / connectSeconds);
        // The connect-storm figure: listeners opening a WebSocket and sending SUBSCRIBE, counted
        // when the answer arrives, every load process at once.
        out.printf("listeners: %d connected and subscribed in %.2f s (%.0f connects + SUBSCRIBE per second)%n",
                subscribedListeners, slowestListenerPhase / 1e9, subscribedListeners / (slowestListenerPhase / 1e9));
        long connectCpu = cpuMillis(options.get("server-pid")) - cpuBeforeConnect;
        if (connectCpu >= 0) {
            // The server's own cost, whatever else shares the cores (the load tool, a VM's steal time).
            out.printf("server CPU while connecting: %.1f s, %.2f ms per connection%n", connectCpu / 1e3, (double) connectCpu / connections);
        }
        // The load tool's share of the same cores while its listeners connected (JIT compilation included).
        out.printf("load tool CPU while its listeners connected: %.1f s, %.2f ms per listener%n", loadToolCpu / 1e3,
                (double) loadToolCpu / Math.max(1, subscribedListeners));
        String rssAfterConnect = rss(options.get("server-pid"));

        for (Process worker : workers) {
            worker.getOutputStream().write("GO\n".getBytes());
            worker.getOutputStream().flush();
        }
        long expected = 0;
        long delivered = 0;
        long misrouted = 0;
        long duplicates = 0;
        long nacks = 0;
        for (BufferedReader reader : replies) {
            String[] result = expect(reader, "RESULT").split(" ");
            expected += Long.parseLong(result[1]);
            delivered += Long.parseLong(result[2]);
            misrouted += Long.parseLong(result[3]);
            duplicates += Long.parseLong(result[4]);
            nacks += Long.parseLong(result[5]);
        }
        for (Process worker : workers) {
            worker.getOutputStream().write("EXIT\n".getBytes());
            worker.getOutputStream().flush();
        }
        for (Process worker : workers) {
            worker.waitFor(60, TimeUnit.SECONDS);
        }
        long[][] samples = readLatencies(results, processes);
        long[] latencies = samples[0].clone();
        Arrays.sort(latencies);
        out.printf("delivered: %d / %d (%.3f %%), misrouted: %d, duplicates: %d, refused broadcasts: %d%n",
                delivered, expected, expected == 0 ? 0 : 100.0 * delivered / expected, misrouted, duplicates, nacks);
        out.printf("latency DJ send -> listener receive (ms): p50 %.1f  p95 %.1f  p99 %.1f  max %.1f  (%d samples)%n",
                percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99),
                latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6, latencies.length);
        out.printf("server RSS: %s after connecting, %s after broadcasting%n", rssAfterConnect, rss(options.get("server-pid")));
        printSlowSeconds(out, samples[0], samples[1]);
    }

    /** The wall-clock seconds (UTC, by send time) holding deliveries over 60 ms: where the tail comes from. */
    private static void printSlowSeconds(PrintStream out, long[] latencies, long[] sentAtMillis) {
        Map<Long, long[]> bySecond = new java.util.TreeMap<>();
        for (int i = 0; i < latencies.length; i++) {
            long[] second = bySecond.computeIfAbsent(sentAtMillis[i] / 1000, k -> new long[3]);
            second[0]++;
            if (latencies[i] > 60_000_000L) {
                second[1]++;
            }
            second[2] = Math.max(second[2], latencies[i]);
        }
        StringBuilder slow = new StringBuilder();
        bySecond.forEach((second, s) -> {
            if (s[1] > 0) {
                slow.append(String.format("  %s  %d of %d over 60 ms, max %.0f ms%n",
                        java.time.Instant.ofEpochSecond(second), s[1], s[0], s[2] / 1e6));
            }
        });
        out.print(slow.isEmpty() ? "no delivery over 60 ms\n" : "seconds with deliveries over 60 ms (by send time):\n" + slow);
    }

    private static String expect(BufferedReader reader, String prefix) throws IOException {
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.startsWith(prefix)) {
                return line;
            }
            System.out.println("  " + line);
        }
        throw new IllegalStateException("a load process ended before " + prefix);
    }

    /** Every worker's samples: [0] latencies in ns, [1] their send times in epoch ms. */
    private static long[][] readLatencies(Path results, int processes) throws IOException {
        List<long[]> latencies = new ArrayList<>();
        List<long[]> sentAt = new ArrayList<>();
        for (int p = 0; p < processes; p++) {
            try (DataInputStream in = new DataInputStream(Files.newInputStream(results.resolve("worker-" + p)))) {
                int count = in.readInt();
                long[] latency = new long[count];
                long[] sent = new long[count];
                for (int i = 0; i < count; i++) {
                    latency[i] = in.readLong();
                    sent[i] = in.readLong();
                }
                latencies.add(latency);
                sentAt.add(sent);
            }
        }
        return new long[][]{concat(latencies), concat(sentAt)};
    }

    private static long[] concat(List<long[]> parts) {
        long[] all = new long[parts.stream().mapToInt(part -> part.length).sum()];
        int at = 0;
        for (long[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    static void writeLatencies(Path file, java.util.concurrent.atomic.AtomicLongArray latencies,
                               java.util.concurrent.atomic.AtomicLongArray sentAtMillis, int count) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(count);
            for (int i = 0; i < count; i++) {
                out.writeLong(latencies.get(i));
                out.writeLong(sentAtMillis.get(i));
            }
        }
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    /**
     * CPU time used so far by the server processes (comma-separated pids), from /proc: user and
     * system, in ms; -1 when unknown (no pid, or not on this machine).
     */
    private static long cpuMillis(String pids) {
        if (pids == null || pids.isBlank()) {
            return -1;
        }
        long total = 0;
        for (String pid : pids.split(",")) {
            try {
                String stat = Files.readString(Path.of("/proc", pid.strip(), "stat"));
                // Fields after the command name (in parentheses, which may hold spaces): utime is the 14th, stime the 15th.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                total += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10; // clock ticks of 10 ms
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
        return total;
    }

    /** The server's resident memory, from /proc (only for a server on this machine). */
    /** The RSS of each server process (comma-separated pids: one per node). */
    private static String rss(String pids) {
        if (pids == null) {
            return "n/a (pass --server-pid)";
        }
        List<String> each = new ArrayList<>();
        for (String pid : pids.split(",")) {
            each.add(rssOf(pid.strip()));
        }
        return String.join(" / ", each);
    }

    private static String rssOf(String pid) {
        try {
            String rss = "?";
            String peak = "?";
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = line.substring(6).strip();
                } else if (line.startsWith("VmHWM:")) {
                    peak = line.substring(6).strip();
                }
            }
            return rss + " (peak " + peak + ")";
        } catch (IOException e) {
            return "n/a (" + e.getMessage() + ")";
        }
    }

    /** Opens a DJ account for the run and returns its token. */
    static String registerDj(String url) throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/api/auth/register"))
                .header("Content-Type", "application/json").header("X-Pika-Client", "pika-e2e")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"bench-" + unique + "@example.com\",\"password\":\"bench-password\","
                        + "\"displayName\":\"Bench " + unique + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Could not register the benchmark DJ: HTTP " + response.statusCode() + " " + response.body());
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject().getString("token");
        }
    }

    /** Looked up once: {@code Json.createReader} finds the provider anew on every call. */
    private static final jakarta.json.spi.JsonProvider JSON = jakarta.json.spi.JsonProvider.provider();

    static JsonObject parse(CharSequence text) {
        try (JsonReader reader = JSON.createReader(new StringReader(text.toString()))) {
            return reader.readObject();
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            String value = i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "true";
            options.put(name, value);
        }
        return options;
    }
}
