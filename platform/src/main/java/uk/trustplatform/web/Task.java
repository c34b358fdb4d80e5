package uk.trustplatform.web;

import org.jspecify.annotations.Nullable;

/**
 * One task of a GOV.UK task list: what it is, where it is done (null while it cannot be started),
 * a hint, and its status, shown as a tag in {@code colour} or, for a finished task, as plain text.
 *
 * @param id the task's own id, for the status its link is described by
 */
public record Task(
        String id,
        String name,
        @Nullable String href,
        @Nullable String hint,
        String status,
        @Nullable String colour,
        boolean done) {

    public static Task toDo(
            String id,
            String name,
            @Nullable String href,
            @Nullable String hint,
            String status,
            @Nullable String colour) {
        return new Task(id, name, href, hint, status, colour, false);
    }

    public static Task finished(String id, String name, @Nullable String href, @Nullable String hint, String status) {
        return new Task(id, name, href, hint, status, null, true);
    }

    /** A task that cannot be started yet: no link, and the status in grey words. */
    public static Task cannotStartYet(String id, String name, @Nullable String hint) {
        return new Task(id, name, null, hint, "Cannot start yet", null, false);
    }

    public String describedBy() {
        return (hint == null ? "" : id + "-hint ") + id + "-status";
    }
}
