package stream.pika.it;

import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, item 6: every JAX-RS route of the application, found at run time in the WAR under
 * test (not a hand-kept list: a route added tomorrow is covered tomorrow), is called by no one, a
 * dancer, a DJ, a pending organizer, an organizer, a suspended user and an admin. A route answers
 * as its declared {@link RolesAllowed} say: 401 without a usable sign-in, 403 for a signed-in
 * caller without the role, both with {@code {"error": …}}; anything but 401/403 for the others.
 */
@ExtendWith(TestServer.class)
class RoleMatrixIT {

    /** A route: HTTP method, path template, and the roles it declares (empty: public). */
    record Route(String method, String template, Set<String> roles) {
        String path() {
            return template.replaceAll("\\{[^}]+}", "12345678");
        }

        @Override
        public String toString() {
            return method + " " + template + (roles.isEmpty() ? " (public)" : " " + roles);
        }
    }

    /** A caller: its token (none for the anonymous one) and the groups it holds while signed in. */
    static final class Caller {
        final String name;
        String token;
        final Set<String> groups;
        final boolean signedIn;

        Caller(String name, String token, boolean signedIn, String... roles) {
            this.name = name;
            this.token = token;
            this.signedIn = signedIn;
            this.groups = new TreeSet<>(List.of(roles));
            if (signedIn) {
                groups.add("signed-in");
            }
        }
    }

    private static List<Route> routes;
    private static List<Caller> callers;

    @BeforeAll
    static void findRoutesAndCallers() throws Exception {
        routes = routesOf(Path.of(System.getProperty("pika.war")));
        Api setup = Api.newClient();
        String adminToken = Admins.firstAdminToken(setup);

        LiveDj dancerAccount = LiveDj.signUp();
        assertEquals(200, setup.put("/api/admin/users/" + dancerAccount.accountId + "/roles", "{\"roles\":[\"dancer\"]}",
                Admins.bearer(adminToken)).status());
        LiveDj dj = LiveDj.signUp();
        String pending = organizerApplicant();
        String organizer = organizerApplicant();
        long organizerId = Admins.me(setup, organizer).getJsonObject("user").getJsonNumber("id").longValue();
        long applicationId = Admins.me(setup, organizer).getJsonObject("organizerApplication").getJsonNumber("id").longValue();
        assertEquals(200, setup.post("/api/admin/applications/" + applicationId + "/approve", "", Admins.bearer(adminToken)).status());
        assertTrue(Admins.me(setup, organizer).getJsonArray("roles").toString().contains("organizer"), "approved " + organizerId);
        LiveDj suspended = LiveDj.signUp();
        assertEquals(200, setup.post("/api/admin/users/" + suspended.accountId + "/suspend", "{\"reason\":\"matrix\"}",
                Admins.bearer(adminToken)).status());

        callers = List.of(
                new Caller("nobody", null, false),
                new Caller("dancer", dancerAccount.token, true, "dancer"),
                new Caller("dj", dj.token, true, "dj"),
                new Caller("pending organizer", pending, true),
                new Caller("organizer", organizer, true, "organizer"),
                new Caller("suspended", suspended.token, false),
                new Caller("admin", Admins.firstAdminToken(Api.newClient()), true, "admin"));
    }

    @Test
    void everyRouteAnswersEveryCallerAsItsDeclaredRolesSay() {
        assertTrue(routes.size() >= 30, "the routes were found: " + routes);
        assertTrue(routes.contains(new Route("GET", "/api/admin/audit", Set.of("admin"))), routes::toString);
        assertTrue(routes.contains(new Route("POST", "/api/auth/login", Set.of())), routes::toString);
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> counted = new LinkedHashMap<>();
        for (Route route : routes) {
            for (Caller caller : callers) {
                Api.Reply reply = call(route, caller);
                counted.merge(caller.name, 1, Integer::sum);
                Optional<String> problem = problem(route, caller, reply);
                problem.ifPresent(p -> wrong.add(route + " as " + caller.name + ": " + p));
            }
        }
        System.out.println("Role matrix: " + routes.size() + " routes x " + callers.size() + " callers, calls per caller " + counted);
        assertEquals(List.of(), wrong, "routes that do not answer as declared (" + routes.size() + " routes, " + counted + ")");
    }

    private static Optional<String> problem(Route route, Caller caller, Api.Reply reply) {
        int status = reply.status();
        boolean allowed = route.roles().isEmpty() || caller.signedIn && route.roles().stream().anyMatch(caller.groups::contains);
        if (allowed) {
            return status == 401 || status == 403 ? Optional.of("refused with " + status + " " + reply.body()) : Optional.empty();
        }
        int expected = caller.signedIn ? 403 : 401;
        if (status != expected) {
            return Optional.of("expected " + expected + ", got " + status + " " + reply.body());
        }
        JsonObject body;
        try {
            body = reply.json();
        } catch (RuntimeException e) {
            return Optional.of("no JSON error body: " + reply.body());
        }
        return body.containsKey("error") ? Optional.empty() : Optional.of("no error field: " + reply.body());
    }

    private static Api.Reply call(Route route, Caller caller) {
        Api api = Api.newClient(); // an address of its own: the matrix is not about rate limits
        List<String> headers = new ArrayList<>();
        if (caller.token != null) {
            headers.addAll(List.of("Authorization", "Bearer " + caller.token));
        }
        String[] h = headers.toArray(String[]::new);
        Api.Reply reply = switch (route.method()) {
            case "GET" -> api.get(route.path(), h);
            case "POST" -> api.post(route.path(), "{}", h);
            case "PUT" -> api.put(route.path(), "{}", h);
            case "DELETE" -> api.delete(route.path(), h);
            default -> throw new IllegalStateException("no client for " + route);
        };
        // A route that hands out a new token for the presented one (regenerate-token) revokes the old.
        if (caller.signedIn && reply.status() == 200 && reply.body().contains("\"token\":\"pk_dj_")) {
            caller.token = reply.json().getString("token");
        }
        return reply;
    }

    private static String organizerApplicant() {
        Api api = Api.newClient();
        String email = "matrix-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Api.Reply applied = api.post("/api/auth/register/organizer", "{\"email\":\"" + email
                + "\",\"password\":\"matrix password\",\"displayName\":\"Matrix " + UUID.randomUUID().toString().substring(0, 6)
                + "\",\"organization\":\"Matrix Events\"}");
        assertEquals(201, applied.status(), applied::toString);
        Api.Reply login = api.post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"matrix password\"}");
        assertEquals(200, login.status(), login::toString);
        return login.json().getString("token");
    }

    /** Every resource method of the WAR's classes: the application path, the class's and the method's. */
    static List<Route> routesOf(Path war) throws IOException, ClassNotFoundException {
        List<String> classNames = new ArrayList<>();
        try (ZipFile zip = new ZipFile(war.toFile())) {
            zip.stream().map(entry -> entry.getName())
                    .filter(name -> name.startsWith("WEB-INF/classes/") && name.endsWith(".class"))
                    .forEach(name -> classNames.add(name.substring("WEB-INF/classes/".length(), name.length() - ".class".length())
                            .replace('/', '.')));
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : classNames) {
            classes.add(Class.forName(name, false, RoleMatrixIT.class.getClassLoader()));
        }
        String application = classes.stream().map(c -> c.getAnnotation(ApplicationPath.class)).filter(a -> a != null)
                .map(ApplicationPath::value).findFirst().orElseThrow(() -> new AssertionError("no @ApplicationPath in " + war));
        List<Route> found = new ArrayList<>();
        for (Class<?> type : classes) {
            jakarta.ws.rs.Path classPath = type.getAnnotation(jakarta.ws.rs.Path.class);
            if (classPath == null || Modifier.isAbstract(type.getModifiers())) {
                continue;
            }
            for (Method method : type.getMethods()) {
                Optional<String> http = httpMethod(method);
                if (http.isEmpty()) {
                    continue;
                }
                jakarta.ws.rs.Path methodPath = method.getAnnotation(jakarta.ws.rs.Path.class);
                RolesAllowed roles = method.getAnnotation(RolesAllowed.class) != null
                        ? method.getAnnotation(RolesAllowed.class) : type.getAnnotation(RolesAllowed.class);
                found.add(new Route(http.get(), join(application, classPath.value(), methodPath == null ? "" : methodPath.value()),
                        roles == null ? Set.of() : Set.of(roles.value())));
            }
        }
        found.sort(Comparator.comparing(Route::template).thenComparing(Route::method));
        return found;
    }

    private static Optional<String> httpMethod(Method method) {
        return Arrays.stream(method.getAnnotations()).map(Annotation::annotationType)
                .map(type -> type.getAnnotation(HttpMethod.class)).filter(a -> a != null).map(HttpMethod::value).findFirst();
    }

    private static String join(String... parts) {
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            String trimmed = part.replaceAll("^/+|/+$", "");
            if (!trimmed.isEmpty()) {
                path.append('/').append(trimmed);
            }
        }
        return path.toString();
    }
}
