package uk.trustplatform.configuration;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.ErrorCode;
import uk.trustplatform.api.LondonClock;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;
import uk.trustplatform.tenancy.TenantDirectory;

/**
 * A tenant admin copies a starter kit's documents into the tenant as drafts to edit, with the
 * partnership's name where the kit names the partnership.
 */
@Singleton
final class CopyingStarterKit {

    record Outcome(List<DocumentView> documents, List<UserError> userErrors) {}

    private final StarterKits kits;
    private final EditingDocuments editing;
    private final TenantDirectory directory;
    private final LondonClock clock;

    CopyingStarterKit(StarterKits kits, EditingDocuments editing, TenantDirectory directory, LondonClock clock) {
        this.clock = clock;
        this.kits = kits;
        this.editing = editing;
        this.directory = directory;
    }

    Outcome copy(Caller caller, String code) {
        UUID tenantId = caller.requireTenant();
        if (!DocumentAccess.canCreate(caller)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only a tenant admin may copy a starter kit.");
        }
        String partnership = Objects.requireNonNull(
                        directory.byIds(List.of(tenantId)).get(tenantId), "the caller's tenant is in the register")
                .name();
        ConfigurationSection section = kits.section(code, partnership).orElse(null);
        if (section == null) {
            return new Outcome(
                    List.of(),
                    List.of(UserError.of(
                            Code.NOT_FOUND,
                            "There is no starter kit '" + code + "'; see starterKits.",
                            "input",
                            "code")));
        }
        ConfigurationSection filled = section.withPeriodsFilled(clock.year());
        Standards alongside = filled.standards(Standards.none());
        List<ConfigurationSection.Entry> entries = filled.entries();
        List<UserError> problems = new ArrayList<>();
        entries.forEach(entry -> problems.addAll(
                editing.creationProblems(tenantId, entry.kind(), entry.content(), null, alongside, "input", "code")));
        if (!problems.isEmpty()) {
            return new Outcome(List.of(), problems);
        }
        List<DocumentView> copied = new ArrayList<>();
        for (ConfigurationSection.Entry entry : entries) {
            copied.add(editing.create(tenantId, entry.kind(), entry.content(), null, entry.basedOn(), "input", "code")
                    .document());
        }
        return new Outcome(copied, List.of());
    }
}
