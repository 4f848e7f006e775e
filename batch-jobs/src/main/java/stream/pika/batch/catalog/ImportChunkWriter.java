package stream.pika.batch.catalog;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import stream.pika.crate.boundary.CatalogImports;
import stream.pika.crate.entity.CatalogTrack;
import stream.pika.crate.entity.RefusedRow;

import java.util.List;

/** Writes a chunk of an import's rows: its tracks into the catalog, its refused rows into the import's report. */
@Dependent
@Named("importChunkWriter")
public class ImportChunkWriter extends AbstractItemWriter {

    @Inject
    CatalogImports imports;

    @Inject
    @BatchProperty(name = "import")
    String importId;

    @Override
    public void writeItems(List<Object> items) {
        List<CatalogTrack> tracks = items.stream().filter(CatalogTrack.class::isInstance).map(CatalogTrack.class::cast).toList();
        List<RefusedRow> refused = items.stream().filter(RefusedRow.class::isInstance).map(RefusedRow.class::cast).toList();
        imports.writeChunk(Long.parseLong(importId), tracks, refused);
    }
}
