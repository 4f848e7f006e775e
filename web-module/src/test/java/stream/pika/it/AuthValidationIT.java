package stream.pika.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of bad input to the auth API gets a clear 4xx and {@code {"error": ...}}, never a stack trace. */
@ExtendWith(TestServer.class)
class AuthValidationIT {

    private static final String REQUIRED = "Email, password, and display name are required";

    static Stream<Arguments> badRegistrations() {
        String name = "\"displayName\":\"DJ Valid\"";
        return Stream.of(
                Arguments.of("{}", REQUIRED),
                Arguments.of("{\"email\":\"a@b.co\",\"password\":\"12345678\"}", REQUIRED),
                Arguments.of("{\"email\":\"   \",\"password\":\"12345678\"," + name + "}", REQUIRED),
                Arguments.of("{\"email\":\"a@b.co\",\"password\":\"\"," + name + "}", REQUIRED),
                Arguments.of("{\"email\":\"a@b.co\",\"password\":\"1234567\"," + name + "}", "Password must be at least 8 characters"),
                Arguments.of("{\"email\":\"a@b.co\",\"password\":\"" + "x".repeat(129) + "\"," + name + "}", "Password must be at most 128 characters"),
                Arguments.of("{\"email\":\"not-an-email\",\"password\":\"12345678\"," + name + "}", "Invalid email format"),
                Arguments.of("{\"email\":\"a@b\",\"password\":\"12345678\"," + name + "}", "Invalid email format"),
                Arguments.of("{\"email\":\"" + "a".repeat(250) + "@b.co\",\"password\":\"12345678\"," + name + "}", "Email must be at most 254 characters; Invalid email format"),
                Arguments.of("{\"email\":\"a@b.co\",\"password\":\"12345678\",\"displayName\":\"X\"}", "Display name must be at least 2 characters"),
                Arguments.of("{\"email\":\"a@b.co\",\"password\":\"12345678\",\"displayName\":\"" + "y".repeat(101) + "\"}", "Display name must be at most 100 characters"),
                Arguments.of("{\"email\":\"a@b.co\",\"password\":\"12345678\",\"displayName\":\"DJ <script>\"}", "Display name must not contain < > \" or '"),
                Arguments.of("{\"email\":\"a@b.co\",\"password\":\"12345678\",\"displayName\":\"!! ??\"}", "Display name must contain at least 2 letters or digits"),
                Arguments.of("{\"email\":\"a@b.co\",\"password\":\"12345678\",\"displayName\":\"Admin\"}", "Display name is reserved, please choose another"),
                Arguments.of("{\"email\":\"a@b.co\",\"password\":\"1234\",\"displayName\":\"X\"}",
                        "Display name must be at least 2 characters; Password must be at least 8 characters"),
                Arguments.of("{\"email\":5,\"password\":\"12345678\"," + name + "}", "Invalid JSON body: email must be a string"),
                Arguments.of("{\"email\":{\"a\":1},\"password\":\"12345678\"," + name + "}", "Invalid JSON body: email must be a string"),
                Arguments.of("{\"email\":\"a@b.co\",\"password\":\"1234\\u00005678\"," + name + "}",
                        "Invalid JSON body: text must not contain NUL characters"),
                Arguments.of("{\"email\":\"a@b.co\",\"password\":\"12345678\"," + name + "} {}", "Invalid JSON body: data after the JSON object"),
                Arguments.of("{\"email\":", "Invalid JSON body"),
                Arguments.of("[1,2]", "Invalid JSON body"),
                Arguments.of("\"text\"", "Invalid JSON body"));
    }

    @ParameterizedTest
    @MethodSource("badRegistrations")
    void badRegistrationIsRefusedWithItsReason(String body, String error) {
        Api.Reply reply = Api.newClient().post("/api/auth/register", body);
        assertEquals(400, reply.status(), reply::toString);
        assertEquals(error, reply.error());
    }

    @Test
    void missingBodyIsRefused() {
        Api.Reply reply = Api.newClient().post("/api/auth/register", "");
        assertEquals(400, reply.status(), reply::toString);
        assertEquals("Request body must be a JSON object", reply.error());
    }

    @Test
    void duplicateEmailIsConflictWhateverItsCase() {
        Api api = Api.newClient();
        JsonObject dj = Djs.register(api, "password-1");
        String email = dj.getJsonObject("user").getString("email").toUpperCase();
        Api.Reply again = Api.newClient().post("/api/auth/register",
                "{\"email\":\"" + email + "\",\"password\":\"12345678\",\"displayName\":\"Someone Else " + System.nanoTime() + "\"}");
        assertEquals(409, again.status(), again::toString);
        assertEquals("Email already registered", again.error());
    }

    @Test
    void displayNameWithTheSameSlugIsConflict() {
        JsonObject dj = Djs.register(Api.newClient(), "password-1");
        String displayName = dj.getJsonObject("user").getString("displayName");
        String sameSlug = displayName.toUpperCase().replace(' ', '_') + " !";
        Api.Reply reply = Api.newClient().post("/api/auth/register",
                "{\"email\":\"other-" + System.nanoTime() + "@example.com\",\"password\":\"12345678\",\"displayName\":\"" + sameSlug + "\"}");
        assertEquals(409, reply.status(), reply::toString);
        assertEquals("Display name already taken", reply.error());
    }

    @Test
    void wrongPasswordAndUnknownEmailLookTheSame() {
        Api api = Api.newClient();
        JsonObject dj = Djs.register(api, "right-password");
        String email = dj.getJsonObject("user").getString("email");
        Api.Reply wrongPassword = api.post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"wrong-password\"}");
        Api.Reply unknownEmail = api.post("/api/auth/login", "{\"email\":\"nobody-" + System.nanoTime() + "@example.com\",\"password\":\"right-password\"}");
        assertEquals(401, wrongPassword.status());
        assertEquals(401, unknownEmail.status());
        assertEquals("Invalid email or password", wrongPassword.error());
        assertEquals(wrongPassword.body(), unknownEmail.body());
    }

    @Test
    void loginNeedsBothFields() {
        Api.Reply reply = Api.newClient().post("/api/auth/login", "{\"email\":\"a@b.co\"}");
        assertEquals(400, reply.status());
        assertEquals("Email and password are required", reply.error());
    }

    @Test
    void overlongLoginPasswordIsJustWrong() {
        Api.Reply reply = Api.newClient().post("/api/auth/login", "{\"email\":\"a@b.co\",\"password\":\"" + "p".repeat(5000) + "\"}");
        assertEquals(401, reply.status());
        assertEquals("Invalid email or password", reply.error());
    }

    @Test
    void stateChangingAuthCallsNeedTheClientHeader() {
        Api api = Api.newClient();
        Api.Reply missing = api.postRaw("/api/auth/register", Djs.newRegistration("12345678"), "Content-Type", "application/json");
        Api.Reply unknown = api.postRaw("/api/auth/login", "{\"email\":\"a@b.co\",\"password\":\"12345678\"}",
                "Content-Type", "application/json", "X-Pika-Client", "evil-site");
        assertEquals(403, missing.status());
        assertEquals("Invalid client", missing.error());
        assertEquals(403, unknown.status());
        assertEquals("Invalid client", unknown.error());
    }

    @Test
    void wrongContentTypeIs415() {
        Api.Reply reply = Api.newClient().postRaw("/api/auth/register", "email=a",
                "Content-Type", "application/x-www-form-urlencoded", "X-Pika-Client", "pika-web");
        assertEquals(415, reply.status(), reply::toString);
        assertTrue(reply.error().startsWith("Unsupported media type"));
    }

    @Test
    void meWithoutOrWithBadTokenIs401WithTheReason() {
        Api api = Api.newClient();
        Api.Reply none = api.get("/api/auth/me");
        assertEquals(401, none.status());
        assertEquals("Authorization token required", none.error());
        assertEquals("Bearer", none.header("WWW-Authenticate"));

        for (String header : new String[]{"Bearer pk_dj_00000000000000000000000000000000", "Bearer nonsense",
                "Basic dXNlcjpwYXNz", "Bearer " + "x".repeat(3000)}) {
            Api.Reply bad = api.get("/api/auth/me", "Authorization", header);
            assertEquals(401, bad.status(), header);
            assertEquals("Invalid token", bad.error(), header);
        }
    }

    @Test
    void regenerateWithoutTokenIs401() {
        Api.Reply reply = Api.newClient().post("/api/auth/regenerate-token", "");
        assertEquals(401, reply.status());
        assertEquals("Authorization token required", reply.error());
    }

    @Test
    void unknownRoutesAndMethodsAnswerJson() {
        Api api = Api.newClient();
        Api.Reply notFound = api.get("/api/no-such-route");
        assertEquals(404, notFound.status());
        assertEquals("Not found", notFound.error());
        Api.Reply wrongMethod = api.get("/api/auth/login");
        assertEquals(405, wrongMethod.status());
        assertEquals("Method not allowed", wrongMethod.error());
    }
}
