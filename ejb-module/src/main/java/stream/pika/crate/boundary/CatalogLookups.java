package stream.pika.crate.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import stream.pika.crate.control.CatalogRepository;

import java.util.Optional;

/** What the catalog says of a play once Smart Crate linked it. */
@Stateless
public class CatalogLookups {

    @Inject
    CatalogRepository catalog;

    /** The Spotify URI of the record the play is linked to (automatically or by its DJ), if any. */
    public Optional<String> spotifyUriOfPlay(long playedTrackId) {
        return catalog.spotifyUriOfPlay(playedTrackId);
    }
}
