package stream.pika.web.rest;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import stream.pika.interactions.entity.InteractionViews;
import stream.pika.live.entity.SessionViews;
import stream.pika.platform.entity.WireFormat;

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

    /** The recap; with {@code polls} (for the set's own DJ) the poll results are added. */
    static JsonObject recap(SessionViews.Recap recap, InteractionViews.PollResults polls) {
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
            t.song().ifPresent(song -> track.add("song", song(song))); // new, so omitted when absent
            tracks.add(track);
        }
        JsonObjectBuilder answer = JSON.createObjectBuilder()
                .add("sessionId", recap.sessionId())
                .add("djName", recap.djName())
                .add("startedAt", recap.startedAt().toString())
                .add("endedAt", recap.endedAt().toString())
                .add("trackCount", recap.trackCount())
                .add("uniqueSongs", recap.uniqueSongs())
                .add("totalLikes", recap.totalLikes())
                .add("tracks", tracks);
        if (polls != null) {
            JsonArrayBuilder list = JSON.createArrayBuilder();
            for (InteractionViews.PollResult p : polls.polls()) {
                JsonObjectBuilder poll = JSON.createObjectBuilder()
                        .add("id", p.id())
                        .add("question", p.question())
                        .add("options", JSON.createArrayBuilder(p.options()))
                        .add("votes", JSON.createArrayBuilder(p.votes()))
                        .add("totalVotes", p.totalVotes())
                        .add("winnerIndex", p.winnerIndex());
                text(poll, "winner", p.winner());
                poll.add("startedAt", p.startedAt().toString());
                text(poll, "endedAt", p.endedAt() == null ? null : p.endedAt().toString());
                if (p.trackArtist() == null || p.trackTitle() == null) {
                    poll.addNull("currentTrack");
                } else {
                    poll.add("currentTrack", JSON.createObjectBuilder().add("artist", p.trackArtist()).add("title", p.trackTitle()));
                }
                list.add(poll);
            }
            answer.add("polls", list).add("totalPolls", polls.totalPolls()).add("totalPollVotes", polls.totalPollVotes());
        }
        return answer.build();
    }

    /** A DJ's public page; a set still running has {@code endedAt: null}, as the original. */
    static JsonObject djPage(SessionViews.DjPage page) {
        JsonArrayBuilder sessions = JSON.createArrayBuilder();
        for (SessionViews.DjSession s : page.sessions()) {
            JsonObjectBuilder entry = JSON.createObjectBuilder()
                    .add("id", s.id())
                    .add("djName", s.djName())
                    .add("startedAt", s.startedAt().toString());
            text(entry, "endedAt", s.endedAt() == null ? null : s.endedAt().toString());
            sessions.add(entry.add("trackCount", s.trackCount()));
        }
        return JSON.createObjectBuilder()
                .add("slug", page.slug())
                .add("djName", page.djName())
                .add("sessions", sessions)
                .add("totalSessions", page.totalSessions())
                .add("totalTracks", page.totalTracks())
                .add("uniqueTracks", page.uniqueTracks())
                .build();
    }

    private static JsonObjectBuilder song(SessionViews.Song song) {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("globalTrackId", song.globalTrackId())
                .add("artist", song.artist()).add("title", song.title());
        if (song.spotifyUri() != null) {
            json.add("spotifyUri", song.spotifyUri());
        }
        return json;
    }

    private static void text(JsonObjectBuilder object, String name, String value) {
        if (value == null) {
            object.addNull(name);
        } else {
            object.add(name, value);
        }
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
