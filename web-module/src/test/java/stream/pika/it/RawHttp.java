package stream.pika.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket to the shared test server: the requests the JDK's client will not
 * send (a path that does not decode, a body on GET, a body declared and never sent).
 */
final class RawHttp {

    /** What came back: the status, the headers (lower-case names) and the body. */
    record Answer(int status, Map<String, String> headers, String body) {
        JsonObject json() {
            return Json.createReader(new java.io.StringReader(body)).readObject();
        }
    }

    private RawHttp() {
    }

    /** Sends {@code request} as it is (request line, headers, body) and reads the answer. */
    static Answer send(String request) throws IOException {
        try (Socket socket = open()) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return read(socket);
        }
    }

    static Socket open() throws IOException {
        Socket socket = new Socket("127.0.0.1", TestServer.server().port());
        socket.setSoTimeout(20_000);
        return socket;
    }

    static Answer read(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        String status = in.readLine();
        if (status == null) {
            throw new IOException("no answer");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        int length = -1;
        for (String line; (line = in.readLine()) != null && !line.isEmpty(); ) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).trim().toLowerCase();
            String value = line.substring(colon + 1).trim();
            headers.put(name, value);
            if (name.equals("content-length")) {
                length = Integer.parseInt(value);
            }
        }
        StringBuilder body = new StringBuilder();
        if (length >= 0) {
            char[] buffer = new char[length];
            int read = 0;
            while (read < length) {
                int n = in.read(buffer, read, length - read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
            body.append(buffer, 0, read);
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (String size; (size = in.readLine()) != null && !size.isEmpty(); ) {
                int n = Integer.parseInt(size.trim(), 16);
                if (n == 0) {
                    break;
                }
                char[] buffer = new char[n];
                int read = 0;
                while (read < n) {
                    read += in.read(buffer, read, n - read);
                }
                body.append(buffer);
                in.readLine();
            }
        }
        return new Answer(Integer.parseInt(status.split(" ")[1]), headers, body.toString());
    }
}
