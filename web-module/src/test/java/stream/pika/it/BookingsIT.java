package stream.pika.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15, item 3: an organizer invites a DJ to a slot, the DJ sees the invitation and accepts
 * or declines; its confirmed gigs are an iCalendar feed opened by a calendar token of its own.
 */
@ExtendWith(TestServer.class)
class BookingsIT {

    private static final Instant START = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

    @Test
    void aDjIsInvitedAcceptsOneSlotDeclinesAnotherAndFindsItsGigInItsCalendar() {
        Api api = Api.newClient();
        String organizer = Admins.organizerToken();
        LiveDj dj = LiveDj.signUp();
        LiveDj otherDj = LiveDj.signUp();
        long eventId = api.post("/api/events", "{\"name\":\"Boogie, Nights; & Co\",\"startsAt\":\"" + START + "\",\"endsAt\":\""
                + START.plus(2, ChronoUnit.DAYS) + "\",\"timeZone\":\"America/New_York\"}", Admins.bearer(organizer))
                .json().getJsonObject("event").getJsonNumber("id").longValue();
        long stageId = api.post("/api/events/" + eventId + "/stages", "{\"name\":\"Main Floor\"}", Admins.bearer(organizer))
                .json().getJsonObject("stage").getJsonNumber("id").longValue();
        long friday = slot(api, organizer, stageId, START.plus(2, ChronoUnit.HOURS), "Friday social");
        long saturday = slot(api, organizer, stageId, START.plus(26, ChronoUnit.HOURS), "Saturday social");

        Api.Reply invited = api.post("/api/slots/" + friday + "/booking", "{\"djId\":" + dj.accountId + "}", Admins.bearer(organizer));
        assertEquals(200, invited.status(), invited::toString);
        assertEquals("invited", invited.json().getJsonObject("slot").getString("bookingStatus"));
        assertEquals(200, api.post("/api/slots/" + saturday + "/booking", "{\"djId\":" + dj.accountId + "}", Admins.bearer(organizer)).status());
        long organizerId = Admins.me(api, organizer).getJsonObject("user").getJsonNumber("id").longValue();
        Api.Reply notADj = api.post("/api/slots/" + friday + "/booking", "{\"djId\":" + organizerId + "}", Admins.bearer(organizer));
        assertEquals(400, notADj.status(), notADj::toString);
        assertEquals(404, api.post("/api/slots/" + friday + "/booking", "{\"djId\":" + dj.accountId + "}",
                Admins.bearer(Admins.organizerToken())).status(), "another organizer's draft is not even seen");

        JsonObject mine = api.get("/api/dj/bookings", Admins.bearer(dj.token)).json();
        List<JsonObject> bookings = mine.getJsonArray("bookings").getValuesAs(JsonObject.class);
        assertEquals(2, bookings.size(), mine::toString);
        assertEquals("Main Floor", bookings.get(0).getString("stageName"));
        assertEquals("Boogie, Nights; & Co", bookings.get(0).getString("eventName"));
        assertEquals(404, api.post("/api/dj/bookings/" + friday + "/accept", "", Admins.bearer(otherDj.token)).status(), "not its invitation");

        Api.Reply accepted = api.post("/api/dj/bookings/" + friday + "/accept", "", Admins.bearer(dj.token));
        assertEquals("accepted", accepted.json().getJsonObject("slot").getString("bookingStatus"));
        assertEquals(409, api.post("/api/dj/bookings/" + friday + "/decline", "", Admins.bearer(dj.token)).status(), "answered already");
        assertEquals("declined", api.post("/api/dj/bookings/" + saturday + "/decline", "", Admins.bearer(dj.token))
                .json().getJsonObject("slot").getString("bookingStatus"));
        JsonObject schedule = api.get("/api/events/" + eventId + "/schedule", Admins.bearer(organizer)).json();
        assertTrue(schedule.toString().contains("\"bookingStatus\":\"accepted\""), "the organizer sees it at a glance: " + schedule);

        JsonObject link = api.post("/api/dj/bookings/calendar-token", "", Admins.bearer(dj.token)).json();
        String token = link.getString("token");
        assertTrue(token.startsWith("pk_cal_"), link::toString);
        Api.Reply ics = api.get(link.getString("path"));
        assertEquals(200, ics.status(), ics::toString);
        assertTrue(ics.header("Content-Type").startsWith("text/calendar"), ics::toString);
        String feed = ics.body();
        assertTrue(feed.startsWith("BEGIN:VCALENDAR\r\n") && feed.endsWith("END:VCALENDAR\r\n"), feed);
        assertEquals(1, feed.split("BEGIN:VEVENT", -1).length - 1, "the accepted gig only: " + feed);
        assertTrue(feed.contains("UID:slot-" + friday + "@pika.example"), feed);
        assertTrue(feed.contains("LOCATION:Main Floor\\, Boogie\\, Nights\\; & Co"), "escaped text: " + feed);
        assertTrue(feed.lines().allMatch(line -> line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75), "folded: " + feed);
        assertFalse(feed.contains("Saturday social"));

        assertEquals(404, api.get("/api/dj/bookings.ics?token=" + dj.token).status(), "the sign-in token opens no calendar");
        String newer = api.post("/api/dj/bookings/calendar-token", "", Admins.bearer(dj.token)).json().getString("token");
        assertEquals(404, api.get("/api/dj/bookings.ics?token=" + token).status(), "the old calendar token stopped working");
        assertEquals(200, api.get("/api/dj/bookings.ics?token=" + newer).status());
    }

    private static long slot(Api api, String organizer, long stageId, Instant start, String title) {
        Api.Reply added = api.post("/api/stages/" + stageId + "/slots", "{\"startsAt\":\"" + start + "\",\"endsAt\":\""
                + start.plus(4, ChronoUnit.HOURS) + "\",\"title\":\"" + title + "\"}", Admins.bearer(organizer));
        assertEquals(201, added.status(), added::toString);
        return added.json().getJsonObject("slot").getJsonNumber("id").longValue();
    }
}
