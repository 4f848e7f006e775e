package stream.pika.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Issue 17, item 5: the internal matcher's throughput through the real track-matching job, on a
 * catalog of 200,000 records. Seeds the catalog through the import route (a synthetic Exportify
 * file), writes N plays as DJ software tags them (a third exact, a third with tags and track
 * numbers, a third with typos or swapped fields; one in ten absent from the catalog) into a set
 * of their own, runs the job with {@code ?spotify=false} and prints plays decided per second; then
 * times the job's catalog queries for a chunk of them to say where the time goes.
 */
public final class MatchingBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String[] WORDS = ("blue golden silent electric broken sweet lonely neon paper wild slow crimson hollow summer winter"
            + " gentle restless honey velvet midnight silver burning frozen hidden secret lazy crazy easy heavy little lucky bitter tender"
            + " heart river highway rain dance letter fire shadow promise mirror song sky road groove whisper echo ocean garden machine step"
            + " city night morning train window door moon sun star storm dream kiss smile tears ghost angel devil love time light radio").split(" ");
    private static final String[] NAMES = ("ava leon mila otis nora felix ruby hugo iris jonah lena marco nina oscar pia quinn rosa sami tess ugo"
            + " zoe amir bea cole dara eli faye gus hana ivan jade kai luca maya nico olga paz remy sara theo una vera wes yara zeke").split(" ");
    private static final String[] SURNAMES = ("hart vale stone reyes moreau quist lind okafor brandt silva novak park costa weber dubois ivanova"
            + " kerr lopez nakamura olsen fischer garcia haddad ito jensen khan larsen mendes nguyen ortiz petrov rossi santos tanaka").split(" ");

    private final String url;
    private final String token;

    private MatchingBenchmark(String url, String token) {
        this.url = url;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = FanOutBenchmark.options(args);
        String url = options.getOrDefault("url", "http://127.0.0.1:8080");
        int catalogSize = Integer.parseInt(options.getOrDefault("catalog", "200000"));
        int plays = Integer.parseInt(options.getOrDefault("plays", "20000"));
        String db = options.getOrDefault("db", "jdbc:postgresql://127.0.0.1:5432/pika_match_bench");
        MatchingBenchmark bench = new MatchingBenchmark(url, signIn(url, options.get("admin-email"), options.get("admin-password")));
        Random random = new Random(17);
        List<String[]> records = new ArrayList<>(catalogSize);
        StringBuilder csv = new StringBuilder("Track URI,Track Name,Artist Name(s),Track Duration (ms)\n");
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (records.size() < catalogSize) {
            String title = cap(WORDS[random.nextInt(WORDS.length)]) + " " + cap(WORDS[random.nextInt(WORDS.length)])
                    + (random.nextBoolean() ? " " + cap(WORDS[random.nextInt(WORDS.length)]) : "");
            String artist = cap(NAMES[random.nextInt(NAMES.length)]) + " " + cap(SURNAMES[random.nextInt(SURNAMES.length)]);
            if (seen.add(title + "|" + artist)) {
                String uri = "spotify:track:" + String.format("%022d", records.size());
                records.add(new String[]{title, artist});
                csv.append(uri).append(',').append(title).append(',').append(artist).append(',').append(150000 + random.nextInt(150000)).append('\n');
            }
        }
        long existing = count(db, "SELECT count(*) FROM global_tracks");
        if (existing < catalogSize) {
            long started = System.nanoTime();
            HttpResponse<String> imported = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/admin/catalog/imports"))
                    .timeout(Duration.ofMinutes(20)).header("Authorization", "Bearer " + bench.token).header("X-Pika-Client", "pika-e2e")
                    .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.printf("catalog import: HTTP %d, %d records in %.1f s (%s)%n", imported.statusCode(), catalogSize,
                    (System.nanoTime() - started) / 1e9, imported.body().length() > 200 ? imported.body().substring(0, 200) : imported.body());
        }
        String session = "bench_" + UUID.randomUUID().toString().substring(0, 12);
        try (Connection c = DriverManager.getConnection(db, options.getOrDefault("db-user", "postgres"), options.getOrDefault("db-password", ""))) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO sessions (id, dj_name, ended_at) VALUES (?, 'Bench', now())")) {
                s.setString(1, session);
                s.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO played_tracks (session_id, artist, title) VALUES (?, ?, ?)")) {
                for (int i = 0; i < plays; i++) {
                    String[] record = i % 10 == 9 ? new String[]{"Unknown " + i, "Absent Song " + i} : records.get(random.nextInt(records.size()));
                    String[] tagged = tagged(record, i % 3, random);
                    p.setString(1, session);
                    p.setString(2, tagged[0]);
                    p.setString(3, tagged[1]);
                    p.addBatch();
                }
                p.executeBatch();
            }
        }
        long started = System.nanoTime();
        HttpResponse<String> run = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/admin/jobs/track-matching?spotify=false"))
                .header("Authorization", "Bearer " + bench.token).header("X-Pika-Client", "pika-e2e").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        long execution = json(run.body()).getJsonObject("run").getJsonNumber("executionId").longValue();
        JsonObject state;
        do {
            Thread.sleep(200);
            state = json(HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/admin/jobs/track-matching/" + execution))
                    .header("Authorization", "Bearer " + bench.token).GET().build(), HttpResponse.BodyHandlers.ofString()).body()).getJsonObject("run");
        } while (!List.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED").contains(state.getString("status")));
        double seconds = (System.nanoTime() - started) / 1e9;
        long decided = count(db, "SELECT count(*) FROM track_matches m JOIN played_tracks p ON p.id = m.played_track_id WHERE p.session_id = '" + session + "'");
        long linked = count(db, "SELECT count(*) FROM played_tracks WHERE session_id = '" + session + "' AND global_track_id IS NOT NULL");
        System.out.printf("track matching: %s, %d plays decided (%d linked) in %.1f s = %.0f plays/s against %d catalog records%n",
                state.getString("status"), decided, linked, seconds, decided / seconds, count(db, "SELECT count(*) FROM global_tracks"));
        whereTheTimeGoes(db, options, session);
    }

    /**
     * Times the job's catalog queries as a chunk of 1,000 of these plays makes them: one batched
     * exact lookup of both readings' search texts, then one artist-block query per reading of the
     * plays left (the records of its artists, nearest song name first). Scoring and writing are
     * the rest of a chunk (README: the server's FINE log of TrackMatching gives them per chunk).
     */
    private static void whereTheTimeGoes(String db, Map<String, String> options, String session) throws Exception {
        try (Connection c = DriverManager.getConnection(db, options.getOrDefault("db-user", "postgres"), options.getOrDefault("db-password", ""))) {
            List<stream.pika.crate.control.PlayKeys> keys = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT artist, title FROM played_tracks WHERE session_id = ? ORDER BY id LIMIT 1000")) {
                q.setString(1, session);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        keys.add(stream.pika.crate.control.PlayKeys.of(r.getString(1), r.getString(2)));
                    }
                }
            }
            List<String> texts = new ArrayList<>();
            keys.forEach(k -> {
                texts.add(k.straight().text());
                texts.add(k.swapped().text());
            });
            c.setAutoCommit(false);
            c.createStatement().execute("SELECT set_config('random_page_cost', '1.1', true)"); // as the job's lookups
            long t0 = System.nanoTime();
            java.util.Set<String> found = new java.util.HashSet<>();
            try (PreparedStatement exact = c.prepareStatement("SELECT g.search_text FROM unnest(?::text[]) AS k(key)"
                    + " JOIN global_tracks g ON g.search_text = k.key")) {
                exact.setArray(1, c.createArrayOf("text", texts.toArray()));
                try (ResultSet r = exact.executeQuery()) {
                    while (r.next()) {
                        found.add(r.getString(1));
                    }
                }
            }
            long t1 = System.nanoTime();
            int readings = 0;
            try (PreparedStatement block = c.prepareStatement("SELECT a.global_track_id FROM global_track_artists a WHERE a.name = ANY (?)"
                    + " ORDER BY similarity(a.title_key, ?) DESC, a.global_track_id LIMIT 12")) {
                for (stream.pika.crate.control.PlayKeys k : keys) {
                    if (found.contains(k.straight().text()) || found.contains(k.swapped().text())) {
                        continue;
                    }
                    for (stream.pika.crate.control.PlayKeys.Reading reading : List.of(k.straight(), k.swapped())) {
                        block.setArray(1, c.createArrayOf("text", reading.artists().toArray()));
                        block.setString(2, reading.title());
                        block.executeQuery().close();
                        readings++;
                    }
                }
            }
            long t2 = System.nanoTime();
            c.rollback();
            System.out.printf("where the time goes (a chunk of %d plays): one exact lookup of %d search texts %.1f ms; %d artist-block"
                            + " lookups for the %d plays not found exactly %.1f ms (%.2f ms each)%n", keys.size(), texts.size(), (t1 - t0) / 1e6,
                    readings, readings / 2, (t2 - t1) / 1e6, (t2 - t1) / 1e6 / Math.max(1, readings));
        }
    }

    private static String[] tagged(String[] record, int kind, Random random) {
        String artist = record[1];
        String title = record[0];
        return switch (kind) {
            case 0 -> new String[]{artist, title};
            case 1 -> new String[]{artist, String.format("%02d - %s (Extended Mix).mp3", 1 + random.nextInt(20), title)};
            default -> random.nextBoolean() ? new String[]{title, artist}
                    : new String[]{artist, title.length() > 6 ? title.substring(0, 3) + title.substring(4) : title};
        };
    }

    private static String cap(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static long count(String db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db, "postgres", ""); ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String signIn(String url, String email, String password) throws Exception {
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/auth/login")).header("Content-Type", "application/json")
                .header("X-Pika-Client", "pika-e2e").POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("email", email)
                        .add("password", password).build().toString())).build(), HttpResponse.BodyHandlers.ofString());
        return json(login.body()).getString("token");
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
