package stream.pika.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import stream.pika.admin.boundary.AuditTrail;
import stream.pika.admin.boundary.ShadowBans;
import stream.pika.admin.entity.BanRequest;
import stream.pika.admin.entity.ShadowBanView;
import stream.pika.identity.boundary.AccountAdministration;
import stream.pika.identity.boundary.OrganizerApplications;
import stream.pika.identity.entity.AccountStatus;
import stream.pika.identity.entity.ApplicationStatus;
import stream.pika.identity.entity.ApplicationView;
import stream.pika.identity.entity.Role;
import stream.pika.identity.entity.Roles;
import stream.pika.identity.entity.UserFilter;
import stream.pika.identity.entity.UserSummary;
import stream.pika.platform.entity.AuditQuery;
import stream.pika.platform.entity.AuditView;
import stream.pika.platform.entity.Page;
import stream.pika.platform.entity.PikaException;
import stream.pika.web.security.ClientAddress;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The platform admin's API ({@code /api/admin/…}): organizer applications, users' roles and
 * standing, shadow bans, the audit trail. Admins only; each action passes the client's IP on for the audit row.
 */
@Path("admin")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PikaClientRequired
@RolesAllowed(Roles.ADMIN)
public class AdminResource {

    static final String ID_SHAPE = "[0-9]{1,18}";
    static final String BAD_ID = "Invalid id";

    @Inject
    OrganizerApplications applications;

    @Inject
    AccountAdministration administration;

    @Inject
    AuditTrail audit;

    @Inject
    ShadowBans shadowBans;

    @Inject
    ClientAddress clientAddress;

    @Context
    HttpServletRequest request;

    /** One page of a list, with the list's name for its items. */
    public record Listing<T>(boolean success, List<T> items, int page, int pageSize, long total) {
        static <T> Listing<T> of(Page<T> page) {
            return new Listing<>(true, page.items(), page.page(), page.pageSize(), page.total());
        }
    }

    public record ApplicationAnswer(boolean success, ApplicationView application) {
    }

    public record UserAnswer(boolean success, UserSummary user) {
    }

    public record BanAnswer(boolean success, ShadowBanView shadowBan) {
    }

    /** {@code {"reason": "..."}}: why an admin rejects, suspends or reinstates. */
    public record Reason(@Size(max = 500, message = "Reason must be at most 500 characters") String reason) {
    }

    /** {@code {"roles": ["dj", "organizer"]}}: the roles the account should hold, all of them. */
    public record RoleSet(
            @NotNull(message = "roles is required") @Size(max = 4, message = "At most 4 roles")
            List<@NotNull(message = "Unknown role") @Pattern(regexp = "dancer|dj|organizer|admin", message = "Unknown role") String> roles) {
    }

    @GET
    @Path("applications")
    public Listing<ApplicationView> applications(
            @QueryParam("status") @DefaultValue("pending") @Pattern(regexp = "pending|approved|rejected",
                    message = "status must be pending, approved or rejected") String status,
            @QueryParam("page") String page) {
        return Listing.of(applications.withStatus(ApplicationStatus.named(status).orElseThrow(), QueryNumbers.page(page)));
    }

    @POST
    @Path("applications/{id}/approve")
    @Consumes(MediaType.WILDCARD)
    public ApplicationAnswer approve(@PathParam("id") @Pattern(regexp = ID_SHAPE, message = BAD_ID) String id) {
        return new ApplicationAnswer(true, applications.approve(Long.parseLong(id), clientIp()));
    }

    @POST
    @Path("applications/{id}/reject")
    public ApplicationAnswer reject(@PathParam("id") @Pattern(regexp = ID_SHAPE, message = BAD_ID) String id,
                                    @NotNull(message = JsonBodyReading.BODY_REQUIRED) @Valid Reason body) {
        return new ApplicationAnswer(true, applications.reject(Long.parseLong(id), body.reason(), clientIp()));
    }

    @GET
    @Path("users")
    public Listing<UserSummary> users(
            @QueryParam("q") @Size(max = 100, message = "q must be at most 100 characters") String text,
            @QueryParam("role") @Pattern(regexp = "dancer|dj|organizer|admin", message = "Unknown role") String role,
            @QueryParam("status") @Pattern(regexp = "active|pending|rejected|suspended", message = "Unknown status") String status,
            @QueryParam("page") String page) {
        UserFilter filter = new UserFilter(Optional.ofNullable(text).map(String::strip).filter(t -> !t.isEmpty()),
                Optional.ofNullable(role).map(Role::of), Optional.ofNullable(status).map(AccountStatus::of));
        return Listing.of(administration.search(filter, QueryNumbers.page(page)));
    }

    @GET
    @Path("users/{id}")
    public UserAnswer user(@PathParam("id") @Pattern(regexp = ID_SHAPE, message = BAD_ID) String id) {
        return new UserAnswer(true, administration.user(Long.parseLong(id)));
    }

    @PUT
    @Path("users/{id}/roles")
    public UserAnswer roles(@PathParam("id") @Pattern(regexp = ID_SHAPE, message = BAD_ID) String id,
                            @NotNull(message = JsonBodyReading.BODY_REQUIRED) @Valid RoleSet body) {
        Set<Role> roles = body.roles().stream().map(Role::of).collect(Collectors.toUnmodifiableSet());
        return new UserAnswer(true, administration.replaceRoles(Long.parseLong(id), roles, clientIp()));
    }

    @POST
    @Path("users/{id}/suspend")
    public UserAnswer suspend(@PathParam("id") @Pattern(regexp = ID_SHAPE, message = BAD_ID) String id,
                              @NotNull(message = JsonBodyReading.BODY_REQUIRED) @Valid Reason body) {
        return new UserAnswer(true, administration.suspend(Long.parseLong(id), body.reason(), clientIp()));
    }

    /** The reason is optional here: an empty body will do. */
    @POST
    @Path("users/{id}/reinstate")
    public UserAnswer reinstate(@PathParam("id") @Pattern(regexp = ID_SHAPE, message = BAD_ID) String id, @Valid Reason body) {
        return new UserAnswer(true, administration.reinstate(Long.parseLong(id), body == null ? null : body.reason(), clientIp()));
    }

    @GET
    @Path("shadow-bans")
    public Listing<ShadowBanView> shadowBans(
            @QueryParam("page") String page) {
        return Listing.of(shadowBans.list(QueryNumbers.page(page)));
    }

    /** Mutes a user or a device ({@code {"userId": 42}} or {@code {"clientId": "…"}}, with a reason). */
    @POST
    @Path("shadow-bans")
    public Response shadowBan(@NotNull(message = JsonBodyReading.BODY_REQUIRED) @Valid BanRequest body) {
        return Response.status(Response.Status.CREATED).entity(new BanAnswer(true, shadowBans.ban(body, clientIp()))).build();
    }

    @DELETE
    @Path("shadow-bans/{id}")
    public BanAnswer liftShadowBan(@PathParam("id") @Pattern(regexp = ID_SHAPE, message = BAD_ID) String id) {
        return new BanAnswer(true, shadowBans.lift(Long.parseLong(id), clientIp()));
    }

    @GET
    @Path("audit")
    public Listing<AuditView> audit(
            @QueryParam("actor") @Pattern(regexp = ID_SHAPE, message = "actor must be a user id") String actor,
            @QueryParam("target") @Size(max = 100, message = "target must be at most 100 characters") String target,
            @QueryParam("action") @Size(max = 100, message = "action must be at most 100 characters") String action,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") String page) {
        AuditQuery query = new AuditQuery(Optional.ofNullable(actor).map(Long::parseLong), Optional.ofNullable(target),
                Optional.ofNullable(action), instant("from", from), instant("to", to));
        return Listing.of(audit.search(query, QueryNumbers.page(page)));
    }

    private static Optional<Instant> instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.strip()));
        } catch (DateTimeParseException e) {
            throw PikaException.invalid(name + " must be an ISO-8601 instant such as 2026-11-30T18:00:00Z");
        }
    }

    private String clientIp() {
        return clientAddress.of(request);
    }
}
