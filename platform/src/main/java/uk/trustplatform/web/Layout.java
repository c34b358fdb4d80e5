package uk.trustplatform.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What every page's frame shows around its content: the title, the partnership it belongs to, who
 * is signed in, the service navigation, and the form token a signed-in person's forms carry.
 *
 * @param title what the page is, first in the browser's title
 * @param partnership the tenant the page belongs to; null for the platform's own pages
 * @param person the signed-in person; null for a visitor
 * @param navigation the partnership's menu, with the current item marked
 * @param path the page's own address, where signing in returns to
 */
public record Layout(
        String title,
        @Nullable Partnership partnership,
        @Nullable Person person,
        List<NavigationItem> navigation,
        String path) {

    /** The partnership a page belongs to, as the header names it. */
    public record Partnership(String slug, String name) {}

    /** Who is signed in, their form token and how long their session lasts without activity. */
    public record Person(String name, String csrfToken, int idleMinutes) {}

    public record NavigationItem(String label, String href, boolean current) {}

    public String documentTitle() {
        String service = partnership == null ? "Trust Platform" : partnership.name() + " – Trust Platform";
        return title + " – " + service;
    }

    public boolean signedIn() {
        return person != null;
    }
}
