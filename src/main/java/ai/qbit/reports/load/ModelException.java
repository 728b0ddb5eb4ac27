package ai.qbit.reports.load;

import java.util.List;

/** The model is invalid; the message lists every problem, one per line, each with file and line. */
public final class ModelException extends RuntimeException {
    private final List<Problem> problems;

    public ModelException(List<Problem> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String format(List<Problem> problems) {
        StringBuilder sb = new StringBuilder();
        sb.append(problems.size()).append(problems.size() == 1 ? " problem" : " problems").append(" in the model:");
        int shown = Math.min(problems.size(), Problems.LIST_LIMIT);
        for (int i = 0; i < shown; i++) sb.append("\n  ").append(problems.get(i));
        if (problems.size() > shown) sb.append("\n  … and ").append(problems.size() - shown).append(" more");
        return sb.toString();
    }
}
