package stream.pika.crate.control;

import org.junit.jupiter.api.Test;
import stream.pika.crate.entity.CatalogTrack;
import stream.pika.crate.entity.RefusedRow;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExportifyCsvTest {

    private final List<CatalogTrack> tracks = new ArrayList<>();
    private final List<RefusedRow> refused = new ArrayList<>();

    @Test
    void theNewerHeaderSetIsReadByName() {
        String csv = "Track URI,Track Name,Artist URI(s),Artist Name(s),Album Name,Album Release Date,Track Duration (ms),ISRC,Energy,Key,Mode,Tempo\n"
                + "spotify:track:4uLU6hMCjMI75M1A2tKUQC,Never Gonna Give You Up,spotify:artist:x,Rick Astley,Whenever You Need Somebody,1987-11-12,213573,GBARL9300135,0.939,8,1,113.3\n";
        assertEquals(1, ExportifyCsv.read(new StringReader(csv), tracks::add, refused::add));
        assertEquals(List.of(), refused);
        assertEquals(new CatalogTrack("spotify:track:4uLU6hMCjMI75M1A2tKUQC", "GBARL9300135", "Never Gonna Give You Up", "Rick Astley",
                "Whenever You Need Somebody", 213573, 1987, 113.3, "G# major", 0.939), tracks.get(0));
    }

    @Test
    void theOlderHeaderSetToo() {
        String csv = "\"Spotify ID\",\"Artist IDs\",\"Track Name\",\"Album Name\",\"Artist Name(s)\",\"Release Date\",\"Duration (ms)\",\"Popularity\"\n"
                + "\"4uLU6hMCjMI75M1A2tKUQC\",\"x\",\"Never Gonna Give You Up\",\"Album\",\"Rick Astley\",\"1987\",\"213573\",\"80\"\n";
        ExportifyCsv.read(new StringReader(csv), tracks::add, refused::add);
        assertEquals("spotify:track:4uLU6hMCjMI75M1A2tKUQC", tracks.get(0).spotifyUri());
        assertEquals(213573, tracks.get(0).durationMs());
    }

    @Test
    void badRowsAreRefusedByLineAndTheFileGoesOn() {
        String csv = "Track URI,Track Name,Artist Name(s),Track Duration (ms)\n"
                + "spotify:local:x:y:z:1,Local File,Me,1000\n"
                + "spotify:track:4uLU6hMCjMI75M1A2tKUQC,\"A title\nover two lines\",Rick,1000\n"
                + "spotify:track:4uLU6hMCjMI75M1A2tKUQD,,Nobody,1000\n"
                + "spotify:track:4uLU6hMCjMI75M1A2tKUQE,Good,Somebody,-5\n"
                + "spotify:track:4uLU6hMCjMI75M1A2tKUQF,Fine,Somebody,1000\n";
        assertEquals(5, ExportifyCsv.read(new StringReader(csv), tracks::add, refused::add));
        assertEquals(List.of(new RefusedRow(2, "a local file, not a Spotify track"), new RefusedRow(5, "no track name"),
                new RefusedRow(6, "duration must be positive")), refused);
        assertEquals(List.of("A title\nover two lines", "Fine"), tracks.stream().map(CatalogTrack::title).toList());
    }

    @Test
    void aFileThatIsNoExportIsRefusedWhole() {
        assertThrows(IllegalArgumentException.class, () -> ExportifyCsv.read(new StringReader("name,age\nx,1\n"), tracks::add, refused::add));
    }
}
