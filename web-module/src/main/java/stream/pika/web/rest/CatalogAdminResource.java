package stream.pika.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import stream.pika.crate.boundary.CatalogImports;
import stream.pika.crate.entity.ImportReport;
import stream.pika.crate.entity.RefusedRow;
import stream.pika.identity.entity.Roles;
import stream.pika.platform.entity.PikaException;
import stream.pika.web.security.ClientAddress;

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

    /** The file as the body, whatever it is called ({@code text/csv}, {@code text/plain}): a body that is no export is refused as such. */
    @POST
    @Path("imports")
    @Consumes(MediaType.WILDCARD)
    public Response importCsv(InputStream csv) {
        return created(imports.importCsv(new InputStreamReader(csv, StandardCharsets.UTF_8), "upload.csv", clientAddress.of(request)));
    }

    @POST
    @Path("imports")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importForm(List<EntityPart> parts) {
        EntityPart file = parts.stream().filter(part -> "file".equals(part.getName())).findFirst()
                .orElseThrow(() -> PikaException.invalid("The form has no part named file"));
        String name = file.getFileName().orElse("upload.csv");
        return created(imports.importCsv(new InputStreamReader(file.getContent(), StandardCharsets.UTF_8),
                name.length() > 200 ? name.substring(0, 200) : name, clientAddress.of(request)));
    }

    private static Response created(ImportReport report) {
        return Response.status(Response.Status.CREATED).entity(ImportAnswer.of(report)).build();
    }
}
