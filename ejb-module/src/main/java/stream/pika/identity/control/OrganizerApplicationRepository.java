package stream.pika.identity.control;

import stream.pika.identity.entity.ApplicationStatus;
import stream.pika.identity.entity.OrganizerApplication;
import stream.pika.platform.entity.Page;

import java.util.Optional;

/** Stored organizer applications. */
public interface OrganizerApplicationRepository {

    /**
     * Stores a new application.
     *
     * @throws stream.pika.platform.entity.PikaException CONFLICT when the user has a pending one already
     */
    OrganizerApplication add(OrganizerApplication application);

    /** The application, locked for update until the transaction ends (an admin decides it). */
    Optional<OrganizerApplication> findForUpdate(long id);

    /** The user's newest application. */
    Optional<OrganizerApplication> latestOf(long userId);

    /** Applications in this status, the oldest first (the order an admin works through them). */
    Page<OrganizerApplication> withStatus(ApplicationStatus status, int page, int pageSize);
}
