package stream.pika.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import stream.pika.crate.boundary.CatalogImports;
import stream.pika.crate.entity.ImportReport;
import stream.pika.crate.entity.ImportStatus;
import stream.pika.crate.entity.RefusedRow;
import stream.pika.identity.entity.Roles;
import stream.pika.platform.entity.PikaException;
import stream.pika.web.security.ClientAddress;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Catalog imports ({@code POST /api/admin/catalog/imports}): a Spotify playlist export as the
 * body ({@code text/csv}) or as the part {@code file} of a form ({@code multipart/form-data}).
 */
@Path("admin/catalog")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@PikaClientRequired
@RolesAllowed(Roles.ADMIN)
public class CatalogAdminResource {

    public record ImportAnswer(boolean success, long importId, long rowsRead, int created, int merged, List<RefusedRow> refused) {
        static ImportAnswer of(ImportReport report) {
            return new ImportAnswer(true, report.importId(), report.rowsRead(), report.created(), report.merged(), report.refused());
        }
    }

    @Inject
    CatalogImports imports;

    @Inject
    ClientAddress clientAddress;

    @Context
    HttpServletRequest request;

    /** An import run as a batch job: 202 at once, followed at {@code GET /api/admin/catalog/imports/{importId}}. */
    public record QueuedAnswer(boolean success, ImportStatus importStatus) {
    }

    public record StatusAnswer(boolean success, ImportStatus importStatus) {
    }

    /**
     * The file as the body, whatever it is called ({@code text/csv}, {@code text/plain}): a body that is no export is refused as such.
     * {@code ?as=job}: imported by the batch job {@code catalog-import} (202), not within the request (201).
     */
    @POST
    @Path("imports")
    @Consumes(MediaType.WILDCARD)
    public Response importCsv(InputStream csv, @QueryParam("as") @DefaultValue("request")
                              @Pattern(regexp = "request|job", message = "as must be request or job") String as) throws IOException {
        return imported(csv, "upload.csv", as);
    }

    @POST
    @Path("imports")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importForm(List<EntityPart> parts, @QueryParam("as") @DefaultValue("request")
                               @Pattern(regexp = "request|job", message = "as must be request or job") String as) throws IOException {
        EntityPart file = parts.stream().filter(part -> "file".equals(part.getName())).findFirst()
                .orElseThrow(() -> PikaException.invalid("The form has no part named file"));
        String name = file.getFileName().orElse("upload.csv");
        return imported(file.getContent(), name.length() > 200 ? name.substring(0, 200) : name, as);
    }

    /** An import, by request or by job: status, counts so far, refused rows, the job's execution. */
    @GET
    @Path("imports/{id}")
    public StatusAnswer importStatus(@PathParam("id") @Pattern(regexp = AdminResource.ID_SHAPE, message = AdminResource.BAD_ID) String id) {
        return new StatusAnswer(true, imports.status(Long.parseLong(id)));
    }

    /** Within the request the file is read as it arrives; for the job it is kept whole (the job reads it again on a restart). */
    private Response imported(InputStream csv, String fileName, String as) throws IOException {
        if ("job".equals(as)) {
            ImportStatus queued = imports.queue(new String(csv.readAllBytes(), StandardCharsets.UTF_8), fileName, clientAddress.of(request));
            return Response.accepted(new QueuedAnswer(true, queued)).header("Location", "/api/admin/catalog/imports/" + queued.importId()).build();
        }
        return created(imports.importCsv(new InputStreamReader(csv, StandardCharsets.UTF_8), fileName, clientAddress.of(request)));
    }

    private static Response created(ImportReport report) {
        return Response.status(Response.Status.CREATED).entity(ImportAnswer.of(report)).build();
    }
}
