package stream.pika.ear;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import stream.pika.payara.Database;

import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * pika.ear on a real Payara Server 6 (the distribution from Maven Central, unpacked by the build):
 * a new domain, the setup from {@code payara-config/server/setup-domain.asadmin}, the database named
 * through domain-level MicroProfile Config, {@code asadmin deploy}, then {@code /health}, a DJ
 * account round trip and a live set over {@code /ws}, exactly as the README tells an operator to do it.
 */
class EarDeploymentIT {

    private static final String DOMAIN = "pika-check";
    private static final String DATABASE = "pika_ear_check";

    private static final String ADMIN_EMAIL = "ear-admin@example.com";
    private static final String ADMIN_PASSWORD = "ear-admin-password";

    private static Path asadmin;
    private static Path log;
    private static int portBase;
    private static boolean domainStarted;

    @BeforeAll
    static void deployOnPayaraServer() throws Exception {
        Path home = Path.of(System.getProperty("payara.server.home"));
        asadmin = home.resolve("bin/asadmin");
        assertTrue(Files.isExecutable(asadmin) || asadmin.toFile().setExecutable(true), "asadmin at " + asadmin);
        Path itDir = Path.of(System.getProperty("pika.it.dir"));
        Files.createDirectories(itDir);
        log = itDir.resolve("payara-server.log");
        Files.deleteIfExists(log);
        portBase = freePortBase();

        Database postgres = new Database("127.0.0.1", 5432, "postgres", "postgres");
        postgres.recreate(DATABASE);

        asadminOk("delete-domain", DOMAIN); // a leftover of an interrupted run, if any
        asadminRequired("create-domain", "--nopassword=true", "--portbase", Integer.toString(portBase), DOMAIN);
        asadminRequired("start-domain", DOMAIN);
        domainStarted = true;
        asadminRequired("--port", adminPort(), "add-library", System.getProperty("pika.jdbc.driver"));
        asadminRequired("--port", adminPort(), "multimode", "--file", System.getProperty("pika.domain.setup"));
        // The batch runtime reads its job repository's datasource when the server starts (README: restart after the setup).
        asadminRequired("restart-domain", DOMAIN);
        asadminRequired("--port", adminPort(), "set-config-property", "--source=domain",
                "--propertyName=pika.db.url", "--propertyValue=" + postgres.jdbcUrl(DATABASE));
        asadminRequired("--port", adminPort(), "set-config-property", "--source=domain",
                "--propertyName=pika.db.user", "--propertyValue=postgres");
        asadminRequired("--port", adminPort(), "set-config-property", "--source=domain",
                "--propertyName=pika.db.password", "--propertyValue=postgres");
        asadminRequired("--port", adminPort(), "set-config-property", "--source=domain",
                "--propertyName=pika.admin.email", "--propertyValue=" + ADMIN_EMAIL);
        asadminRequired("--port", adminPort(), "set-config-property", "--source=domain",
                "--propertyName=pika.admin.password", "--propertyValue=" + ADMIN_PASSWORD);
        asadminRequired("--port", adminPort(), "deploy", System.getProperty("pika.ear"));
    }

    @AfterAll
    static void stopTheDomain() throws Exception {
        if (domainStarted) {
            asadminOk("stop-domain", DOMAIN);
        }
        // The server's own log outlives the domain, for a failure's incident id.
        Path serverLog = asadmin.getParent().getParent().resolve("glassfish/domains/" + DOMAIN + "/logs/server.log");
        if (Files.exists(serverLog)) {
            Files.copy(serverLog, log.resolveSibling("payara-server-domain.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        asadminOk("delete-domain", DOMAIN);
    }

    @Test
    void healthAnswersInTheOriginalShape() throws Exception {
        HttpResponse<String> health = http("GET", "/health", null, null);
        assertEquals(200, health.statusCode(), health.body());
        JsonObject body = json(health.body());
        assertEquals("ok", body.getString("status"));
        assertEquals("connected", body.getString("database"));
    }

    @Test
    void djAccountRoundTrip() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String email = "ear-" + unique + "@example.com";
        HttpResponse<String> registered = http("POST", "/api/auth/register",
                "{\"email\":\"" + email + "\",\"password\":\"ear-password\",\"displayName\":\"EAR " + unique + "\"}", null);
        assertEquals(201, registered.statusCode(), registered.body());

        HttpResponse<String> login = http("POST", "/api/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"ear-password\"}", null);
        assertEquals(200, login.statusCode(), login.body());
        String token = json(login.body()).getString("token");

        HttpResponse<String> me = http("GET", "/api/auth/me", null, token);
        assertEquals(200, me.statusCode(), me.body());
        assertEquals(email, json(me.body()).getJsonObject("user").getString("email"));

        // The account landed in the database named through domain-level MicroProfile Config.
        try (Connection db = new Database("127.0.0.1", 5432, "postgres", "postgres").connect(DATABASE);
             PreparedStatement query = db.prepareStatement("SELECT count(*) FROM users WHERE email = ?")) {
            query.setString(1, email);
            try (ResultSet count = query.executeQuery()) {
                count.next();
                assertEquals(1, count.getInt(1));
            }
        }

        HttpResponse<String> anonymous = http("GET", "/api/auth/me", null, null);
        assertEquals(401, anonymous.statusCode());
        assertEquals("Authorization token required", json(anonymous.body()).getString("error"));
    }

    /** The live path on Payara Server: a DJ goes live, a dancer hears the track, the dancer's like reaches the DJ. */
    @Test
    void aLiveSetOverTheWebSocket() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> registered = http("POST", "/api/auth/register",
                "{\"email\":\"ws-" + unique + "@example.com\",\"password\":\"ear-password\",\"displayName\":\"EAR WS " + unique + "\"}", null);
        assertEquals(201, registered.statusCode(), registered.body());
        String token = json(registered.body()).getString("token");
        String session = "ear_set_" + unique;
        String clientId = "client_ear_" + unique;
        try (Socket dj = Socket.open(portBase + 80); Socket dancer = Socket.open(portBase + 80)) {
            dj.send("{\"type\":\"REGISTER_SESSION\",\"sessionId\":\"" + session + "\",\"djName\":\"EAR\",\"token\":\"" + token
                    + "\",\"messageId\":\"r1\"}");
            dj.await("SESSION_REGISTERED");
            dancer.send("{\"type\":\"SUBSCRIBE\",\"sessionId\":\"" + session + "\",\"clientId\":\"" + clientId + "\"}");
            dancer.await("LISTENER_COUNT");
            dj.send("{\"type\":\"BROADCAST_TRACK\",\"sessionId\":\"" + session + "\",\"messageId\":\"b1\","
                    + "\"track\":{\"artist\":\"Ear Artist\",\"title\":\"Ear Title\",\"bpm\":96}}");
            JsonObject playing = dancer.await("NOW_PLAYING");
            assertEquals("Ear Title", playing.getJsonObject("track").getString("title"));
            dancer.send("{\"type\":\"SEND_LIKE\",\"sessionId\":\"" + session + "\",\"clientId\":\"" + clientId + "\","
                    + "\"payload\":{\"track\":{\"artist\":\"Ear Artist\",\"title\":\"Ear Title\"}}}");
            JsonObject liked = dj.await("LIKE_RECEIVED");
            assertEquals("Ear Title", liked.getJsonObject("payload").getJsonObject("track").getString("title"));
        }
    }

    /**
     * Smart Crate's track-matching job on Payara Server: an admin starts it, it links a play to
     * the catalog, and Payara's own tools list the run from the job repository on PostgreSQL.
     */
    @Test
    void theTrackMatchingJobRunsAndPayaraListsIt() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> login = http("POST", "/api/auth/login",
                "{\"email\":\"" + ADMIN_EMAIL + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}", null);
        assertEquals(200, login.statusCode(), login.body());
        String admin = json(login.body()).getString("token");
        HttpResponse<String> imported = send(HttpRequest.newBuilder(uri("/api/admin/catalog/imports"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("Track URI,Track Name,Artist Name(s)\nspotify:track:ear" + unique
                        + "00000000000,Crate Song " + unique + ",Ear Crate Artist\n")));
        assertEquals(201, imported.statusCode(), imported.body());
        assertEquals(1, json(imported.body()).getInt("created"), imported.body());
        long play;
        try (Connection db = new Database("127.0.0.1", 5432, "postgres", "postgres").connect(DATABASE)) {
            try (PreparedStatement session = db.prepareStatement("INSERT INTO sessions (id, dj_name, ended_at) VALUES (?, 'EAR', now())")) {
                session.setString(1, "ear_crate_" + unique);
                session.executeUpdate();
            }
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO played_tracks (session_id, artist, title) VALUES (?, ?, ?) RETURNING id")) {
                insert.setString(1, "ear_crate_" + unique);
                insert.setString(2, "Ear Crate Artist");
                insert.setString(3, "03 - Crate Song " + unique + " (Extended Mix).mp3");
                try (ResultSet id = insert.executeQuery()) {
                    id.next();
                    play = id.getLong(1);
                }
            }
        }

        HttpResponse<String> started = http("POST", "/api/admin/jobs/track-matching?spotify=false", null, admin);
        assertEquals(202, started.statusCode(), started.body());
        long execution = json(started.body()).getJsonObject("run").getJsonNumber("executionId").longValue();
        String status = "";
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!List.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED").contains(status) && System.nanoTime() < deadline) {
            Thread.sleep(300);
            HttpResponse<String> run = http("GET", "/api/admin/jobs/track-matching/" + execution, null, admin);
            assertEquals(200, run.statusCode(), run.body());
            status = json(run.body()).getJsonObject("run").getString("status");
        }
        assertEquals("COMPLETED", status, "the run on Payara Server; see " + log);
        try (Connection db = new Database("127.0.0.1", 5432, "postgres", "postgres").connect(DATABASE);
             PreparedStatement linked = db.prepareStatement("SELECT g.title FROM played_tracks p JOIN global_tracks g ON g.id = p.global_track_id WHERE p.id = ?")) {
            linked.setLong(1, play);
            try (ResultSet title = linked.executeQuery()) {
                assertTrue(title.next(), "the play linked to the catalog");
                assertEquals("Crate Song " + unique, title.getString(1));
            }
            // The job repository Payara's tools read is the application's PostgreSQL (setup-domain.asadmin);
            // Payara Server names its tables without Micro's "jbatch" prefix.
            try (PreparedStatement repository = db.prepareStatement("SELECT batchstatus FROM executioninstancedata WHERE jobexecid = ?")) {
                repository.setLong(1, execution);
                try (ResultSet row = repository.executeQuery()) {
                    assertTrue(row.next(), "the execution in PostgreSQL's job repository");
                    assertEquals("COMPLETED", row.getString(1));
                }
            }
        }

        String jobs = asadminOutput("--port", adminPort(), "list-batch-jobs", "-l");
        System.out.println("asadmin list-batch-jobs -l on pika.ear:\n" + jobs);
        assertTrue(jobs.lines().anyMatch(line -> line.startsWith("track-matching") && line.contains(Long.toString(execution))
                && line.contains("COMPLETED")), jobs);
        String steps = asadminOutput("--port", adminPort(), "list-batch-job-steps", Long.toString(execution));
        System.out.println("asadmin list-batch-job-steps " + execution + ":\n" + steps);
        assertTrue(steps.contains("match") && steps.contains("COMPLETED"), steps);
    }

    /** A minimal WebSocket client: text messages in, JSON objects out. */
    private record Socket(WebSocket webSocket, BlockingQueue<JsonObject> received) implements AutoCloseable {

        static Socket open(int port) {
            BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
            StringBuilder partial = new StringBuilder();
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                            partial.append(data);
                            if (last) {
                                received.add(json(partial.toString()));
                                partial.setLength(0);
                            }
                            socket.request(1);
                            return null;
                        }
                    }).join();
            return new Socket(ws, received);
        }

        void send(String text) {
            webSocket.sendText(text, true).join();
        }

        JsonObject await(String type) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                JsonObject next = received.poll(200, TimeUnit.MILLISECONDS);
                if (next != null && type.equals(next.getString("type", null))) {
                    return next;
                }
            }
            return fail("no " + type + " within 20 s");
        }

        @Override
        public void close() {
            webSocket.abort();
        }
    }

    /** The dashboards (Jakarta Faces + PrimeFaces in the EAR's WAR) on Payara Server, under one CSP with PrimeFaces' nonce. */
    @Test
    void theDashboardsServeOnPayaraServer() throws Exception {
        HttpResponse<String> anonymous = http("GET", "/admin/", null, null);
        assertEquals(303, anonymous.statusCode(), anonymous::body);
        assertEquals("/signin?next=%2Fadmin%2F", anonymous.headers().firstValue("Location").orElse(""));

        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(uri("/auth/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + java.net.URLEncoder.encode(ADMIN_EMAIL, java.nio.charset.StandardCharsets.UTF_8)
                        + "&password=" + ADMIN_PASSWORD + "&next=%2Fadmin%2F")));
        assertEquals(303, signedIn.statusCode(), signedIn::body);
        String cookie = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();

        HttpResponse<String> console = send(HttpRequest.newBuilder(uri("/admin/")).header("Cookie", cookie).GET());
        assertEquals(200, console.statusCode(), console::body);
        assertTrue(console.body().contains("Admin console") && console.body().contains("jakarta.faces.ViewState"), console::body);
        List<String> policies = console.headers().allValues("Content-Security-Policy");
        assertEquals(1, policies.size(), () -> "one policy: " + policies);
        String policy = policies.get(0);
        assertFalse(policy.contains("unsafe-inline") || policy.contains("unsafe-eval"), policy);
        java.util.regex.Matcher nonce = java.util.regex.Pattern.compile("'nonce-([^']+)'").matcher(policy);
        assertTrue(nonce.find(), policy);
        assertTrue(console.body().contains("nonce=\"" + nonce.group(1) + "\""), "the page's scripts carry the policy's nonce");
        java.util.regex.Matcher script = java.util.regex.Pattern.compile("src=\"(/jakarta\\.faces\\.resource/core\\.js[^\"]*)\"").matcher(console.body());
        assertTrue(script.find(), console::body);
        HttpResponse<String> core = send(HttpRequest.newBuilder(uri(script.group(1).replace("&amp;", "&"))).GET());
        assertEquals(200, core.statusCode(), "PrimeFaces' script is served");
    }

    /** The application reaches its database through the domain's jdbc/pika, whose pool Payara monitors. */
    @Test
    void theDatabaseIsTheDomainsJdbcResource() throws Exception {
        assertTrue(asadminOutput("--port", adminPort(), "list-jdbc-resources").contains("jdbc/pika"));
        HttpResponse<String> health = http("GET", "/health", null, null); // a query through the persistence unit
        assertEquals(200, health.statusCode(), health::body);
        String used = asadminOutput("--port", adminPort(), "get", "-m", "server.resources.PikaPool.numconnacquired-count");
        java.util.regex.Matcher count = java.util.regex.Pattern.compile("numconnacquired-count = (\\d+)").matcher(used);
        assertTrue(count.find(), used);
        assertTrue(Long.parseLong(count.group(1)) > 0, "the application took connections from PikaPool: " + used);
        HttpResponse<String> metrics = http("GET", "/mp-metrics?scope=application", null, null);
        assertTrue(metrics.body().contains("pika_websockets_open"), "the application's metrics in Payara's monitoring: " + metrics.body());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + (portBase + 80) + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.timeout(Duration.ofSeconds(30)).header("X-Pika-Client", "pika-e2e").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> http(String method, String path, String json, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (portBase + 80) + path))
                .timeout(Duration.ofSeconds(30))
                .header("X-Pika-Client", "pika-e2e");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static String adminPort() {
        return Integer.toString(portBase + 48);
    }

    private static void asadminRequired(String... args) throws Exception {
        int status = asadmin(args);
        if (status != 0) {
            fail("asadmin " + String.join(" ", args) + " failed with status " + status + "; see " + log);
        }
    }

    private static void asadminOk(String... args) throws Exception {
        asadmin(args);
    }

    /** Runs asadmin and answers what it printed (also appended to the log); fails on a non-zero status. */
    private static String asadminOutput(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(asadmin.toString(), "--interactive=false"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("AS_JAVA", System.getProperty("java.home"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "asadmin " + String.join(" ", args));
        Files.writeString(log, "\n$ asadmin " + String.join(" ", args) + "\n" + output, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        assertEquals(0, process.exitValue(), "asadmin " + String.join(" ", args) + ": " + output);
        return output;
    }

    private static int asadmin(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(asadmin.toString(), "--interactive=false"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("AS_JAVA", System.getProperty("java.home"));
        Files.writeString(log, "\n$ asadmin " + String.join(" ", args) + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("asadmin " + String.join(" ", args) + " did not finish within 5 minutes");
        }
        return process.exitValue();
    }

    /** A port base whose admin (base+48) and HTTP (base+80) ports are free. */
    private static int freePortBase() {
        for (int base = 28000; base < 40000; base += 1000) {
            if (free(base + 48) && free(base + 80) && free(base + 81) && free(base + 86) && free(base + 76) && free(base + 37)) {
                return base;
            }
        }
        throw new IllegalStateException("no free port base for the Payara Server domain");
    }

    private static boolean free(int port) {
        try (ServerSocket ignored = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
