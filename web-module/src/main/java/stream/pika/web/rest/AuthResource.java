package stream.pika.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import stream.pika.identity.boundary.DjAccounts;
import stream.pika.identity.boundary.OrganizerApplications;
import stream.pika.identity.entity.ApplicationView;
import stream.pika.identity.entity.DjProfile;
import stream.pika.identity.entity.OrganizerSignUp;
import stream.pika.identity.entity.UserSummary;
import stream.pika.identity.entity.Credentials;
import stream.pika.identity.entity.Registration;
import stream.pika.identity.entity.Roles;
import stream.pika.identity.entity.SignedInDj;
import stream.pika.platform.entity.Quota;
import stream.pika.web.security.SignInMechanism;

/**
 * Accounts: {@code /api/auth/register} (a DJ), {@code register/organizer} (an application),
 * {@code login}, {@code me}, {@code regenerate-token}.
 */
@Path("auth")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PikaClientRequired
public class AuthResource {

    @Inject
    DjAccounts accounts;

    @Inject
    OrganizerApplications applications;

    @POST
    @Path("register")
    @RateLimited(Quota.AUTH)
    public Response register(@NotNull(message = JsonBodyReading.BODY_REQUIRED) @Valid Registration registration) {
        SignedInDj dj = accounts.register(registration);
        return Response.status(Response.Status.CREATED)
                .entity(new AuthResponses.SignedIn(true, dj.dj(), dj.token()))
                .build();
    }

    @POST
    @Path("login")
    @RateLimited(Quota.AUTH)
    public AuthResponses.SignedIn login(@NotNull(message = JsonBodyReading.BODY_REQUIRED) @Valid Credentials credentials) {
        SignedInDj dj = accounts.login(credentials);
        return new AuthResponses.SignedIn(true, dj.dj(), dj.token());
    }

    /** A new account applies to organize events: pending until an admin decides; it may sign in meanwhile. */
    @POST
    @Path("register/organizer")
    @RateLimited(Quota.ORGANIZER_APPLICATIONS)
    public Response registerOrganizer(@NotNull(message = JsonBodyReading.BODY_REQUIRED) @Valid OrganizerSignUp signUp) {
        ApplicationView application = applications.signUp(signUp);
        return Response.status(Response.Status.CREATED)
                .entity(new AuthResponses.Applied(true, application.status(), null))
                .build();
    }

    @GET
    @Path("me")
    @RolesAllowed(Roles.SIGNED_IN)
    public AuthResponses.Me me() {
        UserSummary user = accounts.currentUser();
        return new AuthResponses.Me(true, new DjProfile(user.id(), user.email(), user.displayName(), user.slug()),
                user.roles(), user.status(), applications.mine().orElse(null));
    }

    @POST
    @Path("regenerate-token")
    @RateLimited(Quota.AUTH)
    @RolesAllowed(Roles.SIGNED_IN)
    @Consumes(MediaType.WILDCARD)
    public AuthResponses.NewToken regenerateToken(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return new AuthResponses.NewToken(true, accounts.regenerateToken(SignInMechanism.tokenOf(authorization)));
    }
}
