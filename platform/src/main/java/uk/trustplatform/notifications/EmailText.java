package uk.trustplatform.notifications;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import uk.trustplatform.tenancy.Tenant;

/**
 * The words of the emails: plain English, with the partnership's name, what happened, which
 * agency it is about, a link to the page and one to change what the reader gets. Nothing personal
 * but the greeting: the receiver reads the rest on the platform, signed in.
 */
@Singleton
final class EmailText {

    /** How long the link to choose emails works after the email is sent, in days. */
    static final int LINK_DAYS = 120;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** The partnership an email is from: its tenant, name and slug (for links). */
    record Partnership(UUID tenantId, String name, String slug) {

        static Partnership of(Tenant tenant) {
            return new Partnership(tenant.id(), tenant.name(), tenant.slug());
        }
    }

    /** What the email is about, as the fan-out found it. */
    record About(
            Partnership partnership,
            DomainEvent event,
            @Nullable String organisation) {}

    /** An email's subject and body. */
    record Text(String subject, String body) {}

    private final String publicUrl;
    private final PreferenceLinks links;

    EmailText(@Value("${trust.public-url}") String publicUrl, PreferenceLinks links) {
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.links = links;
    }

    /** The email about one event. */
    Text of(About about, String name, String address, LocalDate today) {
        String body = greeting(name) + line(about) + "\n\nSee it on the platform: " + page(about) + "\n"
                + footer(about.partnership(), address, today);
        return new Text(
                about.partnership().name() + ": "
                        + capitalised(about.event().kind().words()),
                body);
    }

    /** The line about one event in a digest: what happened and the link to it. */
    String digestLine(About about) {
        return "- " + line(about).replace("\n\n", " ") + "\n  " + page(about);
    }

    /** The digest of one day's events for one address. */
    Text digest(Partnership partnership, EmailMessages.Digest digest, LocalDate today) {
        int items = digest.lines().size();
        String count = items == 1 ? "1 thing" : items + " things";
        String day = DAY.format(digest.day());
        String body = greeting(digest.name()) + "Here is what happened at " + partnership.name() + " on " + day
                + ":\n\n" + String.join("\n\n", digest.lines()) + "\n"
                + footer(partnership, digest.address(), today);
        return new Text(partnership.name() + ": " + count + " happened on " + day, body);
    }

    private static String greeting(String name) {
        return "Hello " + name + ",\n\n";
    }

    /** What happened, in one sentence, with what the event's kind says more (a reason, a date). */
    private static String line(About about) {
        DomainEvent event = about.event();
        String what = capitalised(event.kind().words())
                + (about.organisation() == null ? "" : " for " + about.organisation()) + ".";
        return switch (event.kind()) {
            case ACTION_PLAN_RETURNED -> what + fact(event, "reason", "\n\nThe reason given: ");
            case PLEDGE_REGISTERED ->
                what
                        + " Your badge is ready: download it from your pledge page, and show it on your website with"
                        + " its verification link.";
            case ACTION_OVERDUE, FEEDBACK_OVERDUE, RECOMMENDATION_OVERDUE ->
                what + day(event, "dueOn", " It was due on ");
            case PLEDGE_RENEWAL_DUE ->
                what + day(event, "renewalDueOn", " It is due for renewal by ")
                        + " To renew, sign the pledge again on your pledge page.";
            default -> what;
        };
    }

    private static String fact(DomainEvent event, String field, String before) {
        String value = event.summary().path(field).asText("");
        return value.isBlank() ? "" : before + value.strip();
    }

    private static String day(DomainEvent event, String field, String before) {
        String value = event.summary().path(field).asText("");
        try {
            return value.isBlank() ? "" : before + DAY.format(LocalDate.parse(value)) + ".";
        } catch (DateTimeParseException notADay) {
            return "";
        }
    }

    /** The page on the platform where the reader sees what happened, for the event's kind. */
    private String page(About about) {
        String base = publicUrl + "/" + about.partnership().slug();
        String id = URLEncoder.encode(about.event().subjectGlobalId(), StandardCharsets.UTF_8);
        return switch (about.event().kind()) {
            case ACTION_PLAN_SUBMITTED -> base + "/plans/" + id;
            case ACTION_PLAN_RETURNED, ACTION_PLAN_APPROVED -> base + "/action-plan/" + id;
            case PLEDGE_INVITED, PLEDGE_REGISTERED, PLEDGE_RENEWAL_DUE, PLEDGE_LAPSED -> base + "/pledge";
            case SECTION11_AUDIT_SUBMITTED -> base + "/board/section-11/" + id;
            case SECTION11_AUDIT_MODERATED -> base + "/section-11/" + id;
            case FEEDBACK_OVERDUE -> base + "/participation/activities/" + id;
            case RECOMMENDATION_OVERDUE, RECOMMENDATION_ANSWERED -> base + "/youth-forums";
            default -> base + "/start";
        };
    }

    private String footer(Partnership partnership, String address, LocalDate today) {
        String link = links.sign(partnership.tenantId(), address, today.plusDays(LINK_DAYS));
        return "\nYou get this email because you work with " + partnership.name() + ". To choose which emails you"
                + " get, or to have them once a day instead, go to:\n" + publicUrl + "/" + partnership.slug()
                + "/email-preferences?link=" + link + "\n\n" + partnership.name() + "\n";
    }

    private static String capitalised(String words) {
        return words.substring(0, 1).toUpperCase(Locale.UK) + words.substring(1);
    }
}
