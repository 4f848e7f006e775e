package stream.pika.admin.entity;

import java.util.Set;

/** This node learnt of accounts shadow-banned since its last read: their open DJ connections stop. */
public record UsersShadowBanned(Set<Long> userIds) {
}
