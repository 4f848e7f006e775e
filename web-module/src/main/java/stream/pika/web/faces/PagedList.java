package stream.pika.web.faces;

import jakarta.faces.context.FacesContext;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import stream.pika.platform.entity.Page;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A list that can grow, read a page at a time from a boundary (server-side pagination): the
 * table's rows per page are the boundary's page size.
 */
public class PagedList<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    /** Reads page {@code n} (from 1). */
    public interface Pages<T> extends Function<Integer, Page<T>>, Serializable {
    }

    private final Pages<T> pages;
    private transient Page<T> last;
    private transient Object lastRequest;

    public PagedList(Pages<T> pages) {
        this.pages = pages;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, (fresh() ? last : page(1)).total());
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        Page<T> page = page(1 + first / Math.max(1, pageSize));
        setRowCount((int) Math.min(Integer.MAX_VALUE, page.total()));
        return page.items();
    }

    /** Forgets the page read last (after a change in this request, the table reads again). */
    public void refresh() {
        last = null;
    }

    /** A page is read once per request (count, then load), never kept for the next. */
    private Page<T> page(int number) {
        if (!fresh() || last.page() != number) {
            last = pages.apply(number);
            lastRequest = request();
        }
        return last;
    }

    private boolean fresh() {
        return last != null && lastRequest == request();
    }

    private static Object request() {
        FacesContext context = FacesContext.getCurrentInstance();
        return context == null ? null : context.getExternalContext().getRequest();
    }

    @Override
    public String getRowKey(T item) {
        return String.valueOf(item.hashCode());
    }

    @Override
    public T getRowData(String rowKey) {
        return last == null ? null : last.items().stream().filter(item -> getRowKey(item).equals(rowKey)).findFirst().orElse(null);
    }
}
