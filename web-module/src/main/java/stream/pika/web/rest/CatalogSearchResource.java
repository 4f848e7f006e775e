package stream.pika.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import stream.pika.crate.boundary.MatchVerification;
import stream.pika.crate.entity.CatalogEntry;
import stream.pika.identity.entity.Roles;

import java.util.List;

/** {@code GET /api/catalog/search?q=}: catalog records for a DJ's manual pick. */
@Path("catalog")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@PikaClientRequired
public class CatalogSearchResource {

    public record SearchAnswer(boolean success, List<CatalogEntry> tracks) {
    }

    @Inject
    MatchVerification verification;

    @GET
    @Path("search")
    @RolesAllowed({Roles.DJ, Roles.ADMIN})
    public SearchAnswer search(@QueryParam("q") String q) {
        return new SearchAnswer(true, verification.search(q));
    }
}
