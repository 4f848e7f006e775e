package stream.pika.interactions.entity;

import java.util.List;

/** One page of a dancer's likes from every device, grouped by event and set, newest first. */
public record LikesPage(List<LikeGroup> groups, int page, int pageSize, long total) {
}
