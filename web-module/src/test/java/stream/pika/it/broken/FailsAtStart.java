package stream.pika.it.broken;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

/**
 * Added to a copy of the Pika! WAR by StartupRefusalIT only: a startup bean that fails, so the
 * deployment fails after the application's CDI container started (as a broken bean would).
 */
@Startup
@Singleton
public class FailsAtStart {

    @PostConstruct
    void start() {
        throw new IllegalStateException("FailsAtStart: a deliberately failing startup bean");
    }
}
