package stream.pika.crate.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import stream.pika.crate.entity.CrateMessages;
import stream.pika.platform.entity.PikaException;

/** The one rule of a set's verification and export: only the set's own DJ account. */
@ApplicationScoped
public class SetOwnership {

    @Inject
    VerificationRepository repository;

    /** @throws PikaException NOT_FOUND for no such set, FORBIDDEN when it is not this DJ's */
    public void require(String sessionId, long djId) {
        var owner = repository.djOfSession(sessionId).orElseThrow(() -> PikaException.notFound(CrateMessages.SESSION_NOT_FOUND));
        if (owner.isEmpty() || owner.get() != djId) {
            throw PikaException.forbidden(CrateMessages.NOT_YOUR_SET);
        }
    }
}
