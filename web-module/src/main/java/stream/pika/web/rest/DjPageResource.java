package stream.pika.web.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import stream.pika.live.boundary.SessionHistory;
import stream.pika.platform.entity.PikaException;

/** A DJ's public page, {@code /api/dj/{slug}}: the account's latest sets. */
@Path("dj")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DjPageResource {

    static final String SLUG = "[a-z0-9][a-z0-9-]{0,99}";

    @Inject
    SessionHistory sessions;

    @GET
    @Path("{slug}")
    public JsonObject page(@PathParam("slug") @Pattern(regexp = SLUG, message = "Invalid DJ slug") String slug) {
        return SessionJson.djPage(sessions.djPage(slug).orElseThrow(() -> PikaException.notFound("DJ not found")));
    }
}
