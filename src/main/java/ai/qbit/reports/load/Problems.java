package ai.qbit.reports.load;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of a load so the analyst sees them all at once, not one per run. */
public final class Problems {
    /** Past this many, further problems are counted but not listed: they are usually echoes of the first. */
    public static final int LIST_LIMIT = 100;

    private final List<Problem> list = new ArrayList<>();

    public void add(String file, int line, int column, String field, String message) {
        list.add(new Problem(file, line, column, field, message));
    }

    public void add(Problem p) {
        list.add(p);
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public int size() {
        return list.size();
    }

    public List<Problem> list() {
        return List.copyOf(list);
    }

    /** Throws a {@link ModelException} listing every problem, if there are any. */
    public void throwIfAny() {
        if (!list.isEmpty()) throw new ModelException(list);
    }
}
