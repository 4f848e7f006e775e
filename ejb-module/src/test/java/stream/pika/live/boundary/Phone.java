package stream.pika.live.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import stream.pika.live.entity.Caller;
import stream.pika.platform.entity.NodeIdentity;
import stream.pika.platform.entity.Outbox;

import java.io.StringReader;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A connection as the bus sees it, keeping what it was sent. */
public final class Phone implements Outbox {

    private final String id = NodeIdentity.nextConnectionId();
    private final String clientId;
    private final String address;
    private final List<String> received = new CopyOnWriteArrayList<>();

    public Phone(String clientId) {
        this(clientId, "192.0.2.1");
    }

    public Phone(String clientId, String address) {
        this.clientId = clientId;
        this.address = address;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void send(String json) {
        received.add(json);
    }

    /** Kept as a message of type {@code CLOSED} with the code and reason, so a test sees it in order. */
    @Override
    public void close(int code, String reason) {
        received.add("{\"type\":\"CLOSED\",\"code\":" + code + ",\"reason\":\"" + reason + "\"}");
    }

    public Caller caller() {
        return new Caller(id, clientId, address);
    }

    /** The types of the messages received, in order. */
    public List<String> types() {
        return messages().stream().map(m -> m.getString("type")).toList();
    }

    public List<JsonObject> messages() {
        return received.stream().map(text -> {
            try (var reader = Json.createReader(new StringReader(text))) {
                return reader.readObject();
            }
        }).toList();
    }

    public List<JsonObject> of(String type) {
        return messages().stream().filter(m -> type.equals(m.getString("type"))).toList();
    }

    public void clear() {
        received.clear();
    }
}
