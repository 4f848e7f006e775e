package stream.pika.identity.control;

import stream.pika.identity.entity.SpotifyFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import stream.pika.identity.entity.SpotifyTokens;
import stream.pika.platform.entity.WireFormat;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Spotify's accounts service: the authorize URL (authorization code with PKCE S256), the code
 * exchange and the refresh. Tokens never reach the log.
 */
@ApplicationScoped
public class SpotifyAccountsClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @Inject
    SpotifySettings settings;

    /** Where the browser goes to allow this platform. */
    public String authorizeUrl(String state, String codeChallenge) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", settings.clientId());
        query.put("response_type", "code");
        query.put("redirect_uri", settings.redirectUri());
        query.put("code_challenge_method", "S256");
        query.put("code_challenge", codeChallenge);
        query.put("state", state);
        query.put("scope", SpotifySettings.SCOPES);
        return settings.accountsUrl() + "/authorize?" + form(query);
    }

    /** The code Spotify sent the browser back with, for tokens (the verifier proves this platform asked). */
    public SpotifyTokens exchange(String code, String verifier) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        body.put("redirect_uri", settings.redirectUri());
        body.put("code_verifier", verifier);
        body.put("client_id", settings.clientId());
        return tokens(body, "code exchange");
    }

    /** A fresh access token for a stored refresh token. */
    public SpotifyTokens refresh(String refreshToken) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "refresh_token");
        body.put("refresh_token", refreshToken);
        body.put("client_id", settings.clientId());
        return tokens(body, "token refresh");
    }

    /** An access token of the app itself (client credentials: no user), for catalog searches. */
    public SpotifyTokens clientCredentials() {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "client_credentials");
        return tokens(body, "client credentials grant");
    }

    private SpotifyTokens tokens(Map<String, String> form, String what) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.accountsUrl() + "/api/token")).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)));
        settings.clientSecret().ifPresent(secret -> request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((settings.clientId() + ":" + secret).getBytes(StandardCharsets.UTF_8))));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SpotifyFailure(false, 0, "Spotify's accounts service did not answer the " + what + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpotifyFailure(false, 0, "Interrupted during the Spotify " + what);
        }
        int status = response.statusCode();
        JsonObject body = parse(response.body());
        if (status == 200 && body != null && body.containsKey("access_token")) {
            return new SpotifyTokens(body.getString("access_token"), body.getString("refresh_token", null),
                    body.getJsonNumber("expires_in") == null ? 3600 : body.getJsonNumber("expires_in").longValue(),
                    body.getString("scope", ""));
        }
        String error = body == null ? "HTTP " + status : body.getString("error", "HTTP " + status);
        boolean refused = status == 400 || status == 401;
        throw new SpotifyFailure(refused, status, "Spotify's accounts service answered " + status + " (" + error + ") to the " + what);
    }

    static JsonObject parse(String text) {
        try (var reader = WireFormat.jsonp().createReader(new StringReader(text == null ? "" : text))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
