package stream.pika.web.rest;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import stream.pika.identity.entity.Roles;

/** The REST API of protocol v0.3.0, under {@code /api}. */
@ApplicationPath("/api")
@DeclareRoles({Roles.DJ})
public class PikaApi extends Application {
}
