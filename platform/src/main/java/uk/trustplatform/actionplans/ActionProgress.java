package uk.trustplatform.actionplans;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Counts of actions by status and RAG, and how many are overdue. */
record ActionProgress(
        int total,
        int notStarted,
        int inProgress,
        int complete,
        int red,
        int amber,
        int green,
        int unrated,
        int overdue) {

    static final ActionProgress NONE = new ActionProgress(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /**
     * The aggregate columns every progress query selects, in the order {@link #read} takes them;
     * the one parameter is the day actions become overdue after.
     */
    static final String COUNTS = """
            count(*),
            count(*) FILTER (WHERE a.status = 'NOT_STARTED'),
            count(*) FILTER (WHERE a.status = 'IN_PROGRESS'),
            count(*) FILTER (WHERE a.status = 'COMPLETE'),
            count(*) FILTER (WHERE a.rag = 'RED'),
            count(*) FILTER (WHERE a.rag = 'AMBER'),
            count(*) FILTER (WHERE a.rag = 'GREEN'),
            count(*) FILTER (WHERE a.rag IS NULL),
            count(*) FILTER (WHERE a.status <> 'COMPLETE' AND a.due_date < ?)""";

    /** The counts from {@link #COUNTS}, starting at column {@code first}. */
    static ActionProgress read(ResultSet row, int first) throws SQLException {
        return new ActionProgress(
                row.getInt(first),
                row.getInt(first + 1),
                row.getInt(first + 2),
                row.getInt(first + 3),
                row.getInt(first + 4),
                row.getInt(first + 5),
                row.getInt(first + 6),
                row.getInt(first + 7),
                row.getInt(first + 8));
    }
}
