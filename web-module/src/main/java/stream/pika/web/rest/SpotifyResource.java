package stream.pika.web.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import stream.pika.identity.boundary.SpotifySignIn;
import stream.pika.identity.entity.DjAccountMessages;
import stream.pika.identity.entity.SignedInUser;
import stream.pika.identity.entity.SpotifyAttempt;
import stream.pika.identity.entity.SpotifyMessages;
import stream.pika.platform.entity.PikaException;
import stream.pika.web.security.BrowserSessions;
import stream.pika.web.security.SignInMechanism;

import java.net.URI;
import java.util.Map;

/**
 * "Sign in with Spotify" for browsers: {@code GET /api/auth/spotify/login} → Spotify →
 * {@code GET /api/auth/spotify/callback}. The attempt lives in the browser's session, once;
 * a refusal goes back to the sign-in page with its reason (a browser) or answers
 * {@code {"error": …}} (anything else).
 */
@Path("auth/spotify")
@RequestScoped
@Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML}) // a browser asks for a page; it gets a redirect
public class SpotifyResource {

    /** Session attribute: the sign-in with Spotify under way. */
    static final String ATTEMPT = "pika.spotifyAttempt";

    /** The sign-in page's error codes for the refusals. */
    private static final Map<String, String> PAGE_CODES = Map.of(
            SpotifyMessages.CANCELLED, "spotify-cancelled",
            SpotifyMessages.NO_ATTEMPT, "spotify-state",
            SpotifyMessages.STATE_MISMATCH, "spotify-state",
            SpotifyMessages.EXPIRED, "spotify-state",
            SpotifyMessages.REFUSED, "spotify-refused",
            SpotifyMessages.UNAVAILABLE, "spotify-unavailable",
            SpotifyMessages.LINKED_ELSEWHERE, "spotify-linked",
            SpotifyMessages.OTHER_SPOTIFY_ACCOUNT, "spotify-linked",
            SpotifyMessages.OFF, "spotify-off",
            DjAccountMessages.ACCOUNT_SUSPENDED, "suspended");

    @Inject
    SpotifySignIn signIn;

    @Inject
    BrowserSessions browserSessions;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @Context
    SecurityContext security;

    @Context
    HttpHeaders headers;

    /** Starts the sign-in: 302 to Spotify's authorize page; the browser's session keeps the attempt. */
    @GET
    @Path("login")
    public Response login(@QueryParam("next") String next) {
        Long signedIn = security.getUserPrincipal() == null ? null : Long.valueOf(security.getUserPrincipal().getName());
        SpotifyAttempt attempt;
        try {
            attempt = signIn.start(signedIn, SignInMechanism.safeNext(next));
        } catch (PikaException e) {
            return refused(e);
        }
        request.getSession(true).setAttribute(ATTEMPT, attempt);
        return Response.status(Response.Status.FOUND).location(URI.create(attempt.authorizeUrl()))
                .header("Cache-Control", "no-store").build();
    }

    /** Spotify sends the browser back here: signed in (303 to where it was going), or told why not. */
    @GET
    @Path("callback")
    public Response callback(@QueryParam("state") String state, @QueryParam("code") String code, @QueryParam("error") String error) {
        HttpSession session = request.getSession(false);
        SpotifyAttempt attempt = session == null ? null : (SpotifyAttempt) session.getAttribute(ATTEMPT);
        if (session != null) {
            session.removeAttribute(ATTEMPT); // single use, whatever happens next
        }
        try {
            SignedInUser user = signIn.finish(attempt, state, code, error);
            browserSessions.signIn(request, response, user.profile().id());
            return seeOther(attempt.next());
        } catch (PikaException e) {
            return refused(e);
        }
    }

    /** 303 to a path of this site, as the form sign-in answers (a relative Location: the browser keeps the host it used). */
    private Response seeOther(String path) {
        return Response.status(Response.Status.SEE_OTHER).header(HttpHeaders.LOCATION, request.getContextPath() + path)
                .header("Cache-Control", "no-store").build();
    }

    /** A browser goes back to the sign-in page with the reason; anything else gets the error as JSON. */
    private Response refused(PikaException e) {
        boolean browser = headers.getAcceptableMediaTypes().stream().anyMatch(type -> type.isCompatible(MediaType.TEXT_HTML_TYPE)
                && !type.isWildcardType());
        String pageCode = PAGE_CODES.get(e.getMessage());
        if (browser && pageCode != null) {
            return seeOther("/signin?error=" + pageCode);
        }
        throw e;
    }
}
