package ai.qbit.reports.load;

/**
 * One thing wrong with the model, located as precisely as the input allows:
 * {@code file:line:column: field: message}. Line and column are 1-based; 0 when unknown.
 */
public record Problem(String file, int line, int column, String field, String message) {

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) sb.append(':').append(line);
        if (column > 0) sb.append(':').append(column);
        sb.append(": ");
        if (!field.isEmpty()) sb.append(field).append(": ");
        return sb.append(message).toString();
    }
}
