package stream.pika.it;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15, items 1, 2 and 4: events, stages and schedule slots over REST. An organizer owns its
 * events (another organizer gets 403 on every write, a draft is nobody else's business), slots do
 * not overlap on a stage and lie inside their event, concurrent slot edits get 409, and a stage's
 * QR code decodes to its dancer page.
 */
@ExtendWith(TestServer.class)
class EventsIT {

    private static final Instant START = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
    private static final Instant END = START.plus(30, ChronoUnit.HOURS);

    @Test
    void anOrganizerRunsItsEventAndEveryoneReadsItOncePublished() {
        Api api = Api.newClient();
        String organizer = Admins.organizerToken();
        long eventId = createEvent(api, organizer, "Swing Weekend");
        assertEquals(404, api.get("/api/events/" + eventId).status(), "a draft is nobody else's business");
        assertEquals(200, api.get("/api/events/" + eventId, Admins.bearer(organizer)).status());

        long main = addStage(api, organizer, eventId, "Main Floor");
        long workshop = addStage(api, organizer, eventId, "Workshop Room");
        Api.Reply published = api.post("/api/events/" + eventId + "/publish", "", Admins.bearer(organizer));
        assertEquals(200, published.status(), published::toString);
        assertEquals("published", published.json().getJsonObject("event").getString("status"));
        assertEquals(409, api.post("/api/events/" + eventId + "/publish", "", Admins.bearer(organizer)).status(), "published already");

        JsonObject event = api.get("/api/events/" + eventId).json();
        assertEquals("Swing Weekend", event.getJsonObject("event").getString("name"));
        assertEquals("Europe/Paris", event.getJsonObject("event").getString("timeZone"));
        assertEquals(List.of("Main Floor", "Workshop Room"), event.getJsonArray("stages").getValuesAs(JsonObject.class).stream()
                .map(s -> s.getString("name")).toList());
        assertTrue(listed(api, eventId), "in the public listing");
        assertEquals("Main Floor", api.get("/api/stages/" + main).json().getJsonObject("stage").getString("name"));

        Api.Reply slot = addSlot(api, organizer, main, START.plus(30, ChronoUnit.MINUTES), START.plus(3, ChronoUnit.HOURS), "Friday social");
        assertEquals(201, slot.status(), slot::toString);
        addSlot(api, organizer, workshop, START.plus(2, ChronoUnit.HOURS), START.plus(4, ChronoUnit.HOURS), "Footwork");
        JsonObject schedule = api.get("/api/events/" + eventId + "/schedule").json().getJsonObject("schedule");
        JsonObject mainSchedule = schedule.getJsonArray("stages").getJsonObject(0);
        assertEquals(main, mainSchedule.getJsonObject("stage").getJsonNumber("id").longValue());
        JsonObject friday = mainSchedule.getJsonArray("slots").getJsonObject(0);
        assertTrue(friday.getBoolean("happeningNow"), friday::toString);
        assertFalse(schedule.getJsonArray("stages").getJsonObject(1).getJsonArray("slots").getJsonObject(0).getBoolean("happeningNow"));

        Api.Reply ended = api.post("/api/events/" + eventId + "/end", "", Admins.bearer(organizer));
        assertEquals("ended", ended.json().getJsonObject("event").getString("status"));
        assertEquals(409, api.post("/api/events/" + eventId + "/stages", "{\"name\":\"Late Room\"}", Admins.bearer(organizer)).status());
    }

    @Test
    void onlyTheEventsOrganizerWritesIt() {
        Api api = Api.newClient();
        String owner = Admins.organizerToken();
        String other = Admins.organizerToken();
        long eventId = createEvent(api, owner, "Owned");
        long stageId = addStage(api, owner, eventId, "Main Floor");
        long slotId = addSlot(api, owner, stageId, START, START.plusSeconds(3600), "Social").json().getJsonObject("slot")
                .getJsonNumber("id").longValue();
        assertEquals(200, api.post("/api/events/" + eventId + "/publish", "", Admins.bearer(owner)).status());
        String dj = LiveDj.signUp().token;

        for (String intruder : List.of(other, dj)) {
            List<Api.Reply> writes = List.of(
                    api.put("/api/events/" + eventId, eventJson("Mine now"), Admins.bearer(intruder)),
                    api.post("/api/events/" + eventId + "/end", "", Admins.bearer(intruder)),
                    api.post("/api/events/" + eventId + "/stages", "{\"name\":\"Side Room\"}", Admins.bearer(intruder)),
                    api.put("/api/stages/" + stageId, "{\"name\":\"Renamed\"}", Admins.bearer(intruder)),
                    api.post("/api/stages/" + stageId + "/status", "{\"status\":\"closed\"}", Admins.bearer(intruder)),
                    api.post("/api/stages/" + stageId + "/slots", slotJson(START.plusSeconds(7200), START.plusSeconds(9000), "Mine"),
                            Admins.bearer(intruder)),
                    api.put("/api/slots/" + slotId, slotJson(START, START.plusSeconds(1800), "Mine"), Admins.bearer(intruder, "If-Match", "\"0\"")),
                    api.delete("/api/slots/" + slotId, Admins.bearer(intruder, "If-Match", "\"0\"")),
                    api.post("/api/slots/" + slotId + "/booking", "{\"djId\":1}", Admins.bearer(intruder)),
                    api.delete("/api/slots/" + slotId + "/booking", Admins.bearer(intruder)),
                    api.post("/api/events/" + eventId + "/announcements", "{\"message\":\"Mine now\"}", Admins.bearer(intruder)),
                    api.get("/api/events/" + eventId + "/announcements", Admins.bearer(intruder)));
            for (Api.Reply write : writes) {
                assertEquals(403, write.status(), write::toString);
                assertTrue(write.json().containsKey("error"), write::toString);
            }
        }
        assertEquals("Owned", api.get("/api/events/" + eventId).json().getJsonObject("event").getString("name"), "nothing changed");
    }

    @Test
    void slotsNeitherOverlapNorLeaveTheirEventAndConcurrentEditsConflict() {
        Api api = Api.newClient();
        String organizer = Admins.organizerToken();
        long eventId = createEvent(api, organizer, "Schedule");
        long main = addStage(api, organizer, eventId, "Main Floor");
        long side = addStage(api, organizer, eventId, "Side Room");
        Api.Reply first = addSlot(api, organizer, main, START.plusSeconds(3600), START.plusSeconds(4 * 3600), "Social");
        String created = first.header("ETag");
        assertEquals("\"" + first.json().getJsonObject("slot").getInt("version") + "\"", created, "the version is the ETag");
        long slotId = first.json().getJsonObject("slot").getJsonNumber("id").longValue();

        Api.Reply overlap = addSlot(api, organizer, main, START.plusSeconds(2 * 3600), START.plusSeconds(5 * 3600), "Overlap");
        assertEquals(409, overlap.status(), overlap::toString);
        assertEquals("This slot overlaps another slot on this stage", overlap.error());
        assertEquals(201, addSlot(api, organizer, side, START.plusSeconds(2 * 3600), START.plusSeconds(5 * 3600), "Same time, other room")
                .status());
        assertEquals(201, addSlot(api, organizer, main, START.plusSeconds(4 * 3600), START.plusSeconds(5 * 3600), "Right after").status(),
                "touching is not overlapping");
        Api.Reply outside = addSlot(api, organizer, main, END.minusSeconds(600), END.plusSeconds(600), "Too late");
        assertEquals(400, outside.status(), outside::toString);
        assertEquals("A slot must lie inside its event", outside.error());
        Api.Reply backwards = addSlot(api, organizer, side, START.plusSeconds(7200), START.plusSeconds(3600), "Backwards");
        assertEquals(400, backwards.status(), backwards::toString);

        String moved = slotJson(START.plusSeconds(1800), START.plusSeconds(3 * 3600), "Social, earlier");
        Api.Reply noVersion = api.put("/api/slots/" + slotId, moved, Admins.bearer(organizer));
        assertEquals(428, noVersion.status(), noVersion::toString);
        CompletableFuture<Api.Reply> one = CompletableFuture.supplyAsync(() ->
                api.put("/api/slots/" + slotId, moved, Admins.bearer(organizer, "If-Match", created)));
        CompletableFuture<Api.Reply> two = CompletableFuture.supplyAsync(() ->
                api.put("/api/slots/" + slotId, slotJson(START.plusSeconds(3600), START.plusSeconds(2 * 3600), "Social, shorter"),
                        Admins.bearer(organizer, "If-Match", created)));
        List<Integer> statuses = List.of(one.join().status(), two.join().status());
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "one edit wins: " + statuses);
        assertEquals(1, statuses.stream().filter(s -> s == 409).count(), "the other is refused, not lost: " + statuses);
        Api.Reply current = api.get("/api/slots/" + slotId, Admins.bearer(organizer));
        assertEquals(200, current.status(), current::toString);
        assertFalse(created.equals(current.header("ETag")), "a new version: " + current.header("ETag"));
        assertEquals(409, api.delete("/api/slots/" + slotId, Admins.bearer(organizer, "If-Match", created)).status(), "stale delete");

        Api.Reply shrink = api.put("/api/events/" + eventId, eventJson("Schedule", START.plusSeconds(2 * 3600), END), Admins.bearer(organizer));
        assertEquals(409, shrink.status(), "the event would leave its slots outside: " + shrink);
        assertEquals(200, api.delete("/api/slots/" + slotId, Admins.bearer(organizer, "If-Match", current.header("ETag"))).status());
    }

    @Test
    void badEventsAndStagesAreRefusedWithTheReason() {
        Api api = Api.newClient();
        String organizer = Admins.organizerToken();
        assertEquals("timeZone must be an IANA time zone such as Europe/Paris",
                api.post("/api/events", eventJson("Zone", "Mars/Olympus"), Admins.bearer(organizer)).error());
        assertEquals("Name must be at most 100 characters",
                api.post("/api/events", eventJson("x".repeat(101)), Admins.bearer(organizer)).error());
        assertEquals(400, api.post("/api/events", eventJson("Backwards", END, START), Admins.bearer(organizer)).status());
        long eventId = createEvent(api, organizer, "Limits");
        assertEquals("Capacity must be greater than 0",
                api.post("/api/events/" + eventId + "/stages", "{\"name\":\"Tiny\",\"capacity\":0}", Admins.bearer(organizer)).error());
        assertEquals("Description must be at most 500 characters", api.post("/api/events/" + eventId + "/stages",
                "{\"name\":\"Wordy\",\"description\":\"" + "x".repeat(501) + "\"}", Admins.bearer(organizer)).error());
        assertEquals(403, api.post("/api/events", eventJson("Not an organizer"), Admins.bearer(LiveDj.signUp().token)).status());
    }

    @Test
    void aStagesQrCodeDecodesToItsDancerPage() throws Exception {
        Api api = Api.newClient();
        String organizer = Admins.organizerToken();
        long eventId = createEvent(api, organizer, "QR");
        long stageId = addStage(api, organizer, eventId, "Main Floor");
        assertEquals(404, api.get("/api/stages/" + stageId + "/qr.png").status(), "a draft's stage has no public code");
        assertEquals(200, api.post("/api/events/" + eventId + "/publish", "", Admins.bearer(organizer)).status());

        HttpResponse<byte[]> png = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                TestServer.baseUri().resolve("/api/stages/" + stageId + "/qr.png?size=300")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, png.statusCode());
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
        assertTrue(png.headers().firstValue("Cache-Control").orElse("").contains("max-age=86400"));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertEquals(300, image.getWidth());
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)))).getText();
        assertEquals(TestServer.PUBLIC_URL + "/stage/" + stageId, decoded);

        Api.Reply svg = api.get("/api/stages/" + stageId + "/qr.svg?size=256");
        assertEquals(200, svg.status(), svg::toString);
        assertTrue(svg.body().startsWith("<svg ") && svg.body().contains("width=\"256\""), svg::body);
        assertEquals(400, api.get("/api/stages/" + stageId + "/qr.png?size=10").status());
        Api.Reply notANumber = api.get("/api/stages/" + stageId + "/qr.png?size=big");
        assertEquals(400, notANumber.status(), "a size that is not a number is bad input, not a missing page");
        assertTrue(notANumber.body().contains("size must be a whole number"), notANumber::body);
        Api.Reply badPage = api.get("/api/events?status=published&page=two");
        assertEquals(400, badPage.status(), badPage::toString);
        assertTrue(badPage.body().contains("page must be between 1 and"), badPage::body);
        assertEquals(400, api.get("/api/events?status=published&page=0").status());
        assertEquals(404, api.get("/api/stages/999999999/qr.svg").status());
    }

    private static long createEvent(Api api, String organizer, String name) {
        Api.Reply created = api.post("/api/events", eventJson(name), Admins.bearer(organizer));
        assertEquals(201, created.status(), created::toString);
        assertEquals("draft", created.json().getJsonObject("event").getString("status"));
        return created.json().getJsonObject("event").getJsonNumber("id").longValue();
    }

    private static long addStage(Api api, String organizer, long eventId, String name) {
        Api.Reply added = api.post("/api/events/" + eventId + "/stages", "{\"name\":\"" + name + "\",\"capacity\":300}",
                Admins.bearer(organizer));
        assertEquals(201, added.status(), added::toString);
        return added.json().getJsonObject("stage").getJsonNumber("id").longValue();
    }

    private static Api.Reply addSlot(Api api, String organizer, long stageId, Instant start, Instant end, String title) {
        return api.post("/api/stages/" + stageId + "/slots", slotJson(start, end, title), Admins.bearer(organizer));
    }

    private static String slotJson(Instant start, Instant end, String title) {
        return "{\"startsAt\":\"" + start + "\",\"endsAt\":\"" + end + "\",\"title\":\"" + title + "\",\"kind\":\"social\"}";
    }

    private static String eventJson(String name) {
        return eventJson(name, START, END);
    }

    private static String eventJson(String name, String zone) {
        return "{\"name\":\"" + name + "\",\"startsAt\":\"" + START + "\",\"endsAt\":\"" + END + "\",\"timeZone\":\"" + zone + "\"}";
    }

    private static String eventJson(String name, Instant start, Instant end) {
        return "{\"name\":\"" + name + "\",\"description\":\"A weekend of West Coast Swing\",\"startsAt\":\"" + start
                + "\",\"endsAt\":\"" + end + "\",\"timeZone\":\"Europe/Paris\"}";
    }

    private static boolean listed(Api api, long eventId) {
        for (int page = 1; page < 50; page++) {
            JsonObject listing = api.get("/api/events?status=published&page=" + page).json();
            if (listing.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                    .anyMatch(e -> e.getJsonNumber("id").longValue() == eventId)) {
                return true;
            }
            if (listing.getJsonArray("items").isEmpty()) {
                return false;
            }
        }
        return false;
    }
}
