package stream.pika.web.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import stream.pika.identity.boundary.SpotifySignIn;
import stream.pika.identity.entity.SpotifyStatus;

/** {@code GET /api/spotify/status}: whether this platform talks to Spotify, and why not. */
@Path("spotify")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SpotifyStatusResource {

    @Inject
    SpotifySignIn signIn;

    @GET
    @Path("status")
    public SpotifyStatus status() {
        return signIn.status();
    }
}
