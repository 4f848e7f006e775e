package stream.pika.platform.entity;

/**
 * What an admin did, for the audit trail: the acting user, the action ({@code user.suspend}), its
 * target ({@code user} 42), the reason given, the client's IP and any details ("dj, organizer").
 */
public record AuditAct(Long actorId, String action, String targetType, String targetId, String reason, String clientIp,
                       String details) {

    public AuditAct withDetails(String more) {
        return new AuditAct(actorId, action, targetType, targetId, reason, clientIp, more);
    }
}
