package uk.trustplatform.notifications;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import uk.trustplatform.api.LondonClock;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;
import uk.trustplatform.audit.AuditTrail;
import uk.trustplatform.notifications.NotificationPreferences.Stored;
import uk.trustplatform.notifications.PreferenceLinks.Holder;
import uk.trustplatform.tenancy.Tenant;
import uk.trustplatform.tenancy.TenantDirectory;
import uk.trustplatform.tenancy.TenantStatus;
import uk.trustplatform.tenancy.TenantTransactions;

/**
 * A person choosing, per kind of event, whether they get an email for each, a daily digest or
 * none, with the signed link from any email they had (no sign-in: board members of agencies have
 * no account). The link names the partnership and the address; it is checked before anything is
 * read, and the work runs bound to that partnership only. Opened on another partnership's page, a
 * link is not recognised: that page must not show or change another partnership's choices.
 */
@Singleton
final class ChoosingEmailPreferences {

    /** What a person may choose for one kind, and what they chose. */
    record Preference(EventKind kind, String description, EmailChoice choice, boolean required, long version) {}

    /** A person's choices in one partnership, as the link's holder reads them. */
    record Preferences(String partnershipName, List<Preference> choices) {}

    /** The choices as saved, or why nothing was. */
    record Saved(@Nullable Preferences emailPreferences, List<UserError> userErrors) {

        static Saved refused(List<UserError> problems) {
            return new Saved(null, problems);
        }
    }

    private static final UserError UNKNOWN_LINK = UserError.of(
            Code.NOT_FOUND,
            "This link is not recognised or has stopped working. Use the link in the latest email you had.",
            "input",
            "link");

    /** Thrown inside the tenant's work so that its savepoint undoes the choices saved before a refused one. */
    private static final class Stale extends RuntimeException {
        private final transient List<UserError> problems;

        Stale(List<UserError> problems) {
            super(null, null, false, false);
            this.problems = problems;
        }
    }

    private final PreferenceLinks links;
    private final TenantDirectory directory;
    private final TenantTransactions transactions;
    private final NotificationPreferences preferences;
    private final RequiredNotifications required;
    private final EmailFanOut fanOut;
    private final AuditTrail audit;
    private final LondonClock clock;

    ChoosingEmailPreferences(
            PreferenceLinks links,
            TenantDirectory directory,
            TenantTransactions transactions,
            NotificationPreferences preferences,
            RequiredNotifications required,
            EmailFanOut fanOut,
            AuditTrail audit,
            LondonClock clock) {
        this.links = links;
        this.directory = directory;
        this.transactions = transactions;
        this.preferences = preferences;
        this.required = required;
        this.fanOut = fanOut;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The link holder's choices; empty for a link that is not recognised, has stopped working or is
     * of another partnership than {@code tenantSlug} (when given) names.
     */
    Optional<Preferences> read(String link, @Nullable String tenantSlug) {
        return holder(link, tenantSlug)
                .map(found -> transactions.inTenant(
                        found.holder().tenantId(), false, () -> preferences(found.tenant(), found.holder())));
    }

    /** Saves all the choices sent, or none: each at the version read, none turning off a required kind. */
    Saved save(SetEmailPreferences sent) {
        Optional<Found> found = holder(sent.link(), sent.tenantSlug());
        if (found.isEmpty()) {
            return Saved.refused(List.of(UNKNOWN_LINK));
        }
        Holder holder = found.get().holder();
        try {
            return transactions.inTenant(holder.tenantId(), false, () -> {
                List<UserError> problems = saveAll(holder, sent.choices());
                if (!problems.isEmpty()) {
                    throw new Stale(problems);
                }
                return new Saved(preferences(found.get().tenant(), holder), List.of());
            });
        } catch (Stale stale) {
            return Saved.refused(stale.problems);
        }
    }

    private List<UserError> saveAll(Holder holder, List<SetEmailPreferences.Choice> sent) {
        Map<EventKind, Stored> stored = preferences.of(holder.tenantId(), holder.address());
        RequiredNotifications.Required requiredKinds = required.of(holder.tenantId());
        List<UserError> problems = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            EventKind kind = sent.get(i).kind();
            EmailChoice choice = sent.get(i).choice();
            long version = sent.get(i).version();
            Stored current = stored.getOrDefault(kind, Stored.UNCHOSEN);
            String at = Integer.toString(i);
            if (!fanOut.kindsEmailed().contains(kind)) {
                problems.add(UserError.of(
                        Code.NOT_ALLOWED,
                        "No one is emailed about " + kind.words() + ".",
                        "input",
                        "choices",
                        at,
                        "kind"));
            } else if (choice == EmailChoice.OFF && requiredKinds.requires(kind)) {
                problems.add(UserError.of(
                        Code.NOT_ALLOWED,
                        "The partnership requires everyone to hear when " + kind.words() + ": choose each or a daily"
                                + " digest.",
                        "input",
                        "choices",
                        at,
                        "choice"));
            } else if (current.version() != version) {
                problems.add(conflict(at, current.version(), version));
            } else {
                Optional<UUID> saved = preferences.save(holder.tenantId(), holder.address(), kind, choice, current);
                if (saved.isEmpty()) {
                    // Saved by someone else since it was read here: the version they stored.
                    long now = preferences
                            .of(holder.tenantId(), holder.address())
                            .getOrDefault(kind, Stored.UNCHOSEN)
                            .version();
                    problems.add(conflict(at, now, version));
                    continue;
                }
                audit.record(
                        holder.tenantId(),
                        "NotificationPreference.chosen",
                        "NotificationPreference",
                        saved.get(),
                        Map.of("kind", kind.name(), "choice", current.choice().name()),
                        Map.of("kind", kind.name(), "choice", choice.name()));
            }
        }
        return problems;
    }

    /** A stale version of the {@code at}-th choice sent, on that choice's {@code version}. */
    private static UserError conflict(String at, long stored, long sent) {
        UserError conflict = UserError.conflict("choice of emails", stored, sent);
        return new UserError(List.of("input", "choices", at, "version"), conflict.message(), conflict.code());
    }

    private Preferences preferences(Tenant tenant, Holder holder) {
        Map<EventKind, Stored> stored = preferences.of(tenant.id(), holder.address());
        RequiredNotifications.Required requiredKinds = required.of(tenant.id());
        List<Preference> choices = fanOut.kindsEmailed().stream()
                .map(kind -> {
                    Stored choice = stored.getOrDefault(kind, Stored.UNCHOSEN);
                    return new Preference(
                            kind, kind.words(), choice.choice(), requiredKinds.requires(kind), choice.version());
                })
                .toList();
        return new Preferences(tenant.name(), choices);
    }

    private record Found(Tenant tenant, Holder holder) {}

    /**
     * The link's holder, in a partnership that is open (an archived one's people are told nothing)
     * and, when {@code tenantSlug} is given, is the one it names.
     */
    private Optional<Found> holder(@Nullable String link, @Nullable String tenantSlug) {
        return links.verify(link, clock.today())
                .flatMap(holder -> Optional.ofNullable(
                                directory.byIds(List.of(holder.tenantId())).get(holder.tenantId()))
                        .filter(tenant -> tenant.status() == TenantStatus.ACTIVE)
                        .filter(tenant -> tenantSlug == null || tenant.slug().equals(tenantSlug))
                        .map(tenant -> new Found(tenant, holder)));
    }
}
