package stream.pika.batch.catalog;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import stream.pika.crate.boundary.CatalogImports;

import java.io.Serializable;
import java.util.List;

/** Reads an import's kept file, a row at a time (a track or a refused row); its checkpoint is the rows read. */
@Dependent
@Named("importFileRows")
public class ImportFileRows extends AbstractItemReader {

    @Inject
    CatalogImports imports;

    @Inject
    @BatchProperty(name = "import")
    String importId;

    private List<Object> rows;
    private int next;

    @Override
    public void open(Serializable checkpoint) {
        rows = imports.rowsOf(Long.parseLong(importId));
        next = checkpoint instanceof Integer read ? read : 0;
    }

    @Override
    public Object readItem() {
        return next < rows.size() ? rows.get(next++) : null;
    }

    @Override
    public Serializable checkpointInfo() {
        return next;
    }
}
