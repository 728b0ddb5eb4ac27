package ai.qbit.reports.model;

/** A place in a file: the provenance of a number, or where a model element was written. */
public record SourceRef(String file, int line) {
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file;
    }
}
