package stream.pika.web.rest;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import stream.pika.live.entity.SessionViews;
import stream.pika.platform.control.WireFormat;

import java.math.BigDecimal;

/**
 * The two session views in which the original writes {@code null} (no current track; database
 * NULLs in a recap). JSON-B leaves nulls out everywhere in this API, so these are written by hand.
 */
final class SessionJson {

    private static final JsonProvider JSON = WireFormat.jsonp();

    private SessionJson() {
    }

    static JsonObject active(SessionViews.ActiveSessions active) {
        JsonArrayBuilder sessions = JSON.createArrayBuilder();
        for (SessionViews.ActiveSession s : active.sessions()) {
            JsonObjectBuilder entry = JSON.createObjectBuilder()
                    .add("sessionId", s.sessionId())
                    .add("djName", s.djName())
                    .add("startedAt", s.startedAt().toString())
                    .add("listenerCount", s.listenerCount())
                    .add("momentum", s.momentum());
            if (s.currentTrack() == null) {
                entry.addNull("currentTrack");
            } else {
                JsonObjectBuilder track = JSON.createObjectBuilder()
                        .add("title", s.currentTrack().title())
                        .add("artist", s.currentTrack().artist());
                number(track, "bpm", s.currentTrack().bpm());
                entry.add("currentTrack", track);
            }
            sessions.add(entry);
        }
        JsonObjectBuilder answer = JSON.createObjectBuilder().add("live", active.live());
        if (active.count() != null) {
            answer.add("count", active.count());
        }
        return answer.add("sessions", sessions).build();
    }

    static JsonObject recap(SessionViews.Recap recap) {
        JsonArrayBuilder tracks = JSON.createArrayBuilder();
        for (SessionViews.RecapTrack t : recap.tracks()) {
            JsonObjectBuilder track = JSON.createObjectBuilder()
                    .add("position", t.position())
                    .add("artist", t.artist())
                    .add("title", t.title());
            integer(track, "bpm", t.bpm());
            if (t.key() == null) {
                track.addNull("key");
            } else {
                track.add("key", t.key());
            }
            integer(track, "energy", t.energy());
            integer(track, "danceability", t.danceability());
            integer(track, "brightness", t.brightness());
            integer(track, "acousticness", t.acousticness());
            integer(track, "groove", t.groove());
            track.add("playedAt", t.playedAt().toString()).add("likes", t.likes());
            if (t.tempo() == null) {
                track.addNull("tempo");
            } else {
                track.add("tempo", JSON.createObjectBuilder().add("slower", t.tempo().slower())
                        .add("perfect", t.tempo().perfect()).add("faster", t.tempo().faster()));
            }
            tracks.add(track);
        }
        return JSON.createObjectBuilder()
                .add("sessionId", recap.sessionId())
                .add("djName", recap.djName())
                .add("startedAt", recap.startedAt().toString())
                .add("endedAt", recap.endedAt().toString())
                .add("trackCount", recap.trackCount())
                .add("totalLikes", recap.totalLikes())
                .add("tracks", tracks)
                .build();
    }

    private static void integer(JsonObjectBuilder object, String name, Integer value) {
        if (value == null) {
            object.addNull(name);
        } else {
            object.add(name, value);
        }
    }

    private static void number(JsonObjectBuilder object, String name, BigDecimal value) {
        if (value != null) {
            object.add(name, value);
        }
    }
}
