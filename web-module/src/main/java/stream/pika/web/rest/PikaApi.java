package stream.pika.web.rest;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import stream.pika.identity.entity.Roles;

import java.util.Map;

/** The REST API of protocol v0.3.0, under {@code /api}. */
@ApplicationPath("/api")
@DeclareRoles({Roles.DANCER, Roles.DJ, Roles.ORGANIZER, Roles.ADMIN, Roles.SIGNED_IN})
public class PikaApi extends Application {

    /** No WADL at {@code /api/application.wadl} nor on OPTIONS: the API is described in the README, not by the runtime. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
