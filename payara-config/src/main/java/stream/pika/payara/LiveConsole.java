package stream.pika.payara;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A terminal on Pika!'s {@code /ws}: each line typed is sent as one text frame, each message
 * received is printed on its own line. Enough to play a DJ and dancers by hand (README,
 * "Walkthrough"). Needs only the JDK:
 *
 * <pre>
 * java -cp payara-config/target/classes stream.pika.payara.LiveConsole ws://127.0.0.1:8080/ws
 * </pre>
 */
public final class LiveConsole {

    private LiveConsole() {
    }

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args.length > 0 ? args[0] : "ws://127.0.0.1:8080/ws");
        StringBuilder partial = new StringBuilder();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    System.out.println("< " + partial);
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
                System.out.println("closed " + code + (reason.isEmpty() ? "" : " " + reason));
                System.exit(0);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                System.out.println("error: " + error);
                System.exit(1);
            }
        }).get(10, TimeUnit.SECONDS);
        System.out.println("connected to " + uri + "; type one JSON message per line (Ctrl-D to quit)");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (!line.isBlank()) {
                socket.sendText(line.strip(), true).get(10, TimeUnit.SECONDS);
            }
        }
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
    }
}
