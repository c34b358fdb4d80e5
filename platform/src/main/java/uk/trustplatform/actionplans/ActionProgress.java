package uk.trustplatform.actionplans;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import uk.trustplatform.actionplans.PlanAction.ActionStatus;
import uk.trustplatform.actionplans.PlanAction.Rag;

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

    /** The counts of a plan's actions already loaded, as {@link #COUNTS} would give them. */
    static ActionProgress of(List<PlanAction> actions, LocalDate today) {
        return new ActionProgress(
                actions.size(),
                count(actions, action -> action.status() == ActionStatus.NOT_STARTED),
                count(actions, action -> action.status() == ActionStatus.IN_PROGRESS),
                count(actions, action -> action.status() == ActionStatus.COMPLETE),
                count(actions, action -> action.rag() == Rag.RED),
                count(actions, action -> action.rag() == Rag.AMBER),
                count(actions, action -> action.rag() == Rag.GREEN),
                count(actions, action -> action.rag() == null),
                count(actions, action -> action.overdue(today)));
    }

    private static int count(List<PlanAction> actions, Predicate<PlanAction> counted) {
        return (int) actions.stream().filter(counted).count();
    }

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
