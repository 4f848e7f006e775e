package stream.pika.platform.entity;

import java.util.List;
import java.util.function.Function;

/** One page of a list that can grow: its items, its number (from 1), the page size and the total. */
public record Page<T>(List<T> items, int page, int pageSize, long total) {

    /** Pages are numbered from 1; lists are at most this many pages deep. */
    public static final int MAX_PAGE = 10_000;

    public Page {
        items = List.copyOf(items);
    }

    /** The offset of the first item of page {@code page} of size {@code pageSize}. */
    public static int offset(int page, int pageSize) {
        return (page - 1) * pageSize;
    }

    public <R> Page<R> map(Function<T, R> mapping) {
        return new Page<>(items.stream().map(mapping).toList(), page, pageSize, total);
    }
}
