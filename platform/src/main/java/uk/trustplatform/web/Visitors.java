package uk.trustplatform.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.CallerResolution;
import uk.trustplatform.identity.BrowserSession;
import uk.trustplatform.identity.BrowserSignIn;

/**
 * Decides who is looking at a page, from the session cookie, and frames the page for them. A
 * signed-in person acts in a partnership only on that partnership's pages, and only if their token
 * makes them a member of it.
 */
@Singleton
public final class Visitors {

    public static final String SESSION_COOKIE = BrowserSignIn.SESSION_COOKIE;
    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    /**
     * The partnership's menu for anyone: what it publishes, each one page, except the guidance
     * library, whose documents are pages below it.
     */
    private static final List<MenuItem> PUBLIC_MENU = List.of(
            new MenuItem("Home", "", false),
            new MenuItem("Strategy", "/strategy", false),
            new MenuItem("Charter", "/charter", false),
            new MenuItem("Standards", "/standards", false),
            new MenuItem("Guidance", "/guidance", true),
            new MenuItem("Pledge register", "/pledge-register", false),
            new MenuItem("You said, we did", "/you-said-we-did", false));

    /** The partner's own Section 11 audit: the board moderates every partner's under its own item instead. */
    private static final String OWN_SECTION_11_LABEL = "Section 11";

    /** The partner's own self-assessment: the board reviews every partner's under its own item instead. */
    private static final String OWN_SELF_ASSESSMENT_LABEL = "Self-assessment";

    /** The member's own agency: a board member or admin who is no agency's has none to show (its page says not found). */
    private static final String OWN_ORGANISATION_LABEL = "Your organisation";

    /** The items of a partner's own records, which a board member keeping none does not need. */
    private static final Set<String> OWN_RECORD_LABELS =
            Set.of(OWN_ORGANISATION_LABEL, OWN_SECTION_11_LABEL, OWN_SELF_ASSESSMENT_LABEL);

    /** What a member of the partnership also finds in its menu: each item spans the pages below it. */
    private static final List<MenuItem> MEMBER_MENU = List.of(
            new MenuItem("Your work", "/start", true),
            new MenuItem(OWN_ORGANISATION_LABEL, "/organisation", true),
            new MenuItem("Participation", "/participation", true),
            new MenuItem("Inspections", "/inspections", true),
            new MenuItem("Youth forums", "/youth-forums", true),
            new MenuItem(OWN_SECTION_11_LABEL, "/section-11", true),
            new MenuItem(OWN_SELF_ASSESSMENT_LABEL, "/self-assessment", true));

    /**
     * What the board (its members and the tenant admin) also finds: its dashboard (alone at its
     * address: the pages below it have items of their own), the partners' plans to review, the
     * pledge register it keeps, the partners' Section 11 audits to moderate, and the partnership's
     * history of changes.
     */
    private static final List<MenuItem> BOARD_MENU = List.of(
            new MenuItem("Board dashboard", "/board", false),
            new MenuItem("Plans", "/plans", true),
            new MenuItem("Pledges", "/board/pledges", true),
            new MenuItem("Section 11 audits", "/board/section-11", true),
            new MenuItem("Self-assessments", "/board/self-assessments", true),
            new MenuItem("History", "/history", true));

    /** What the tenant admin also finds: where the partnership is kept. */
    private static final List<MenuItem> ADMIN_MENU = List.of(new MenuItem("Administration", "/admin", true));

    /** What a platform operator finds on the platform's own pages: the partnerships, and the regional forums. */
    private static final List<MenuItem> OPERATOR_MENU = List.of(
            new MenuItem("Partnerships", OperatorPages.HOME, false),
            new MenuItem("Regional forums", OperatorPages.HOME + "/forums", true));

    /** @param below whether the item is current on the pages below its own too */
    private record MenuItem(String label, String path, boolean below) {}

    private final BrowserSignIn signIn;
    private final CallerResolution callers;
    private final boolean secureCookies;

    Visitors(
            BrowserSignIn signIn,
            CallerResolution callers,
            @Value("${trust.web.secure-cookies:true}") boolean secureCookies) {
        this.signIn = signIn;
        this.callers = callers;
        this.secureCookies = secureCookies;
    }

    /** Whether a piece of an address can be a partnership's slug; anything else is no page at all. */
    public static boolean isSlug(@Nullable String text) {
        return text != null && SLUG.matcher(text).matches();
    }

    /** The visitor of a page of the platform's own, outside any partnership. */
    public Visitor platformVisitor(HttpRequest<?> request) {
        return session(request)
                .map(session -> new Visitor(callerOrAnonymous(session, null), person(session)))
                .orElseGet(Visitor::anonymous);
    }

    /**
     * The visitor of a partnership's public page: a member signed in to it acts as that member;
     * anyone else reads it as the public does.
     */
    public Visitor tenantVisitor(HttpRequest<?> request, String tenantSlug) {
        return session(request)
                .map(session -> new Visitor(
                        session.tenants().contains(tenantSlug)
                                ? callerOrAnonymous(session, tenantSlug)
                                : Caller.anonymous(),
                        person(session)))
                .orElseGet(Visitor::anonymous);
    }

    /** The visitor of a members' page of the partnership, if they are signed in as one of its members. */
    public Optional<Visitor> member(HttpRequest<?> request, String tenantSlug) {
        return session(request)
                .filter(session -> session.tenants().contains(tenantSlug))
                .map(session -> new Visitor(callerOrAnonymous(session, tenantSlug), person(session)))
                .filter(visitor -> visitor.caller().inTenant());
    }

    /** The partnerships the signed-in person is a member of; none for a visitor. */
    public List<String> memberships(HttpRequest<?> request) {
        return session(request).map(BrowserSession::tenants).orElse(List.of());
    }

    /**
     * Whether the visitor acts for the partnership's board: a board member or the tenant admin,
     * who review and decide on the partners' plans. Anyone else is shown no board page.
     */
    public static boolean isBoard(Visitor visitor) {
        return visitor.caller().seesWholeTenant();
    }

    /** Whether a form came from a page this session showed: its hidden token is the session's own. */
    public static boolean csrfMatches(Visitor visitor, Form form) {
        Layout.Person person = visitor.person();
        return person != null
                && MessageDigest.isEqual(
                        form.value(FormBody.CSRF_FIELD).getBytes(StandardCharsets.UTF_8),
                        person.csrfToken().getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the browser sent a session cookie, signed in or not any more. */
    public static boolean hadSession(HttpRequest<?> request) {
        return request.getCookies().findCookie(SESSION_COOKIE).isPresent();
    }

    /** The session cookie for a new session: only this site's pages, never sent cross-site on a POST. */
    public Cookie sessionCookie(String value) {
        return Cookie.of(SESSION_COOKIE, value)
                .httpOnly(true)
                .secure(secureCookies)
                .sameSite(SameSite.Lax)
                .path("/");
    }

    /** A cookie of this site's, for the browser to forget. */
    public Cookie expired(String name, String path) {
        return Cookie.of(name, "")
                .httpOnly(true)
                .secure(secureCookies)
                .sameSite(SameSite.Lax)
                .path(path)
                .maxAge(0);
    }

    public Cookie cookie(String name, String value, String path, long maxAgeSeconds) {
        return Cookie.of(name, value)
                .httpOnly(true)
                .secure(secureCookies)
                .sameSite(SameSite.Lax)
                .path(path)
                .maxAge(maxAgeSeconds);
    }

    public Layout layout(
            Visitor visitor, String title, Layout.@Nullable Partnership partnership, HttpRequest<?> request) {
        String path = request.getPath();
        List<Layout.NavigationItem> menu = new ArrayList<>();
        if (partnership == null && OperatorVisits.isOperator(visitor)) {
            OPERATOR_MENU.forEach(item -> menu.add(navigationItem("", item, path)));
        }
        if (partnership != null) {
            PUBLIC_MENU.forEach(item -> menu.add(navigationItem(partnership.slug(), item, path)));
            if (visitor.caller().inTenant()
                    && partnership.slug().equals(visitor.caller().tenantSlug())) {
                MEMBER_MENU.stream()
                        .filter(item -> keepsOwnRecords(visitor) || !OWN_RECORD_LABELS.contains(item.label()))
                        .forEach(item -> menu.add(navigationItem(partnership.slug(), item, path)));
                if (isBoard(visitor)) {
                    BOARD_MENU.forEach(item -> menu.add(navigationItem(partnership.slug(), item, path)));
                }
                if (visitor.caller().administersTenant()) {
                    ADMIN_MENU.forEach(item -> menu.add(navigationItem(partnership.slug(), item, path)));
                }
            }
        }
        return new Layout(title, partnership, visitor.person(), nearestCurrent(menu), path);
    }

    /**
     * Whether the member keeps their own agency's records (its details, audit and self-assessment):
     * anyone not on the board, and a board member who is also a partner's lead. The rest of the
     * board has no agency of its own and reads the audits under "Section 11 audits", so one menu
     * does not offer the same audits twice, nor an organisation page that would say not found.
     */
    private static boolean keepsOwnRecords(Visitor visitor) {
        return !isBoard(visitor) || visitor.caller().partnerOrganisationId() != null;
    }

    /**
     * One item is current: the nearest of those whose pages include this one, so that the board's
     * Section 11 pages, below its dashboard's address, light up their own item and not the dashboard's.
     */
    private static List<Layout.NavigationItem> nearestCurrent(List<Layout.NavigationItem> menu) {
        String nearest = menu.stream()
                .filter(Layout.NavigationItem::current)
                .map(Layout.NavigationItem::href)
                .max(Comparator.comparingInt(String::length))
                .orElse(null);
        return menu.stream()
                .map(item -> item.current() && !item.href().equals(nearest)
                        ? new Layout.NavigationItem(item.label(), item.href(), false)
                        : item)
                .toList();
    }

    /** @param slug the partnership's slug, or empty for the platform's own pages */
    private static Layout.NavigationItem navigationItem(String slug, MenuItem item, String path) {
        String href = (slug.isEmpty() ? "" : "/" + slug) + item.path();
        boolean current = path.equals(href) || (item.below() && path.startsWith(href + "/"));
        return new Layout.NavigationItem(item.label(), href, current);
    }

    private Optional<BrowserSession> session(HttpRequest<?> request) {
        return request.getCookies()
                .findCookie(SESSION_COOKIE)
                .flatMap(cookie -> signIn.session(cookie.getValue(), request));
    }

    private Caller callerOrAnonymous(BrowserSession session, @Nullable String tenantSlug) {
        try {
            return callers.resolve(session.authentication(), tenantSlug);
        } catch (ApiException refused) {
            // A member of several partnerships on a page of none, or a suspended partnership.
            return Caller.anonymous();
        }
    }

    private static Layout.Person person(BrowserSession session) {
        return new Layout.Person(
                session.name(), session.csrfToken(), (int) session.idleTimeout().toMinutes());
    }
}
