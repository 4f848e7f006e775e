package stream.pika.admin.control;

import stream.pika.admin.entity.ShadowBan;
import stream.pika.platform.entity.Page;

import java.util.List;
import java.util.Optional;

/** Stored shadow bans, in force and lifted. */
public interface ShadowBanRepository {

    /**
     * Stores a new ban.
     *
     * @throws stream.pika.platform.entity.PikaException CONFLICT when a ban of that target is in force already
     */
    ShadowBan add(ShadowBan ban);

    Optional<ShadowBan> findForUpdate(long id);

    /** Every ban in force (a short list: it is held in memory on every node). */
    List<ShadowBan> inForce();

    /** All bans, the newest first. */
    Page<ShadowBan> all(int page, int pageSize);
}
