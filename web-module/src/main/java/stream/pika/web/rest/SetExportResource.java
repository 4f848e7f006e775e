package stream.pika.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import stream.pika.crate.boundary.SetlistExports;
import stream.pika.crate.entity.ExportName;
import stream.pika.crate.entity.SetlistExport;
import stream.pika.identity.entity.Roles;

import java.util.List;

/** {@code POST /api/sessions/{id}/export-spotify {name?}}: the set, as played, into a new playlist in the DJ's Spotify. */
@Path("sessions/{id}/export-spotify")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PikaClientRequired
public class SetExportResource {

    public record ExportAnswer(boolean success, String playlistUrl, String name, int added, List<SetlistExport.LeftOut> leftOut) {
    }

    @Inject
    SetlistExports exports;

    @POST
    @RolesAllowed(Roles.DJ)
    public Response export(@PathParam("id") @Pattern(regexp = SessionsResource.SESSION_ID, message = SessionsResource.BAD_SESSION_ID) String id,
                           @Valid ExportName name) {
        SetlistExport done = exports.export(id, name);
        return Response.status(Response.Status.CREATED)
                .entity(new ExportAnswer(true, done.playlistUrl(), done.name(), done.added(), done.leftOut())).build();
    }
}
