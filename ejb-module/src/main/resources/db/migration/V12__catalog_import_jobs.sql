-- Issue 17: a catalog import as a batch job. The uploaded file is kept until its job ends, so a
-- run restarted from its checkpoint (on any node) reads the same rows; the job's execution is named
-- on the import.
CREATE TABLE catalog_import_files (
    import_id bigint PRIMARY KEY REFERENCES catalog_imports (id) ON DELETE CASCADE,
    content   text   NOT NULL
);
ALTER TABLE catalog_imports ADD COLUMN execution_id bigint;
