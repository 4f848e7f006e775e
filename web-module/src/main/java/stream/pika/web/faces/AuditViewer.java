package stream.pika.web.faces;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import stream.pika.admin.boundary.AuditTrail;
import stream.pika.platform.entity.AuditQuery;
import stream.pika.platform.entity.AuditView;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Optional;

/** The audit trail, read-only: filtered by actor, target, action and time range (UTC). */
@Named
@ViewScoped
public class AuditViewer implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditTrail trail;

    private Long actorId;
    private String targetId;
    private String action;
    private LocalDateTime from;
    private LocalDateTime to;
    private final PagedList<AuditView> entries = new PagedList<>(page -> trail.search(query(), page));

    private AuditQuery query() {
        return new AuditQuery(Optional.ofNullable(actorId), text(targetId), text(action),
                Optional.ofNullable(Times.instant(from, "UTC")), Optional.ofNullable(Times.instant(to, "UTC")));
    }

    private static Optional<String> text(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }

    public void search() {
        entries.refresh();
    }

    public PagedList<AuditView> getEntries() {
        return entries;
    }

    public Long getActorId() {
        return actorId;
    }

    public void setActorId(Long actorId) {
        this.actorId = actorId;
    }

    public String getTargetId() {
        return targetId;
    }

    public void setTargetId(String targetId) {
        this.targetId = targetId;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public LocalDateTime getFrom() {
        return from;
    }

    public void setFrom(LocalDateTime from) {
        this.from = from;
    }

    public LocalDateTime getTo() {
        return to;
    }

    public void setTo(LocalDateTime to) {
        this.to = to;
    }
}
