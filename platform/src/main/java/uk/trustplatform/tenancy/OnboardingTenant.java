package uk.trustplatform.tenancy;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.ErrorCode;
import uk.trustplatform.api.Role;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;
import uk.trustplatform.audit.AuditTrail;
import uk.trustplatform.tenancy.TenantIdentities.AdminAccount;
import uk.trustplatform.tenancy.TenantIdentities.IdentityStepFailed;
import uk.trustplatform.tenancy.TenantIdentities.Reconciled;

/**
 * A platform operator brings a council's partnership onto the platform from its definition, or
 * applies a changed definition. Idempotent: the same definition again changes nothing. Atomic:
 * the database work and the identity provider's work succeed together or leave nothing behind.
 */
@Singleton
public final class OnboardingTenant {

    /** The outcome: the tenant and what changed, or why nothing was done. */
    public record Outcome(
            @Nullable Tenant tenant,
            boolean created,
            List<String> changes,
            @Nullable AdminAccount adminAccount,
            List<UserError> userErrors) {

        static Outcome refused(List<UserError> problems) {
            return new Outcome(null, false, List.of(), null, problems);
        }

        /** The outcome with its user errors' fields under {@code parent}, the mutation's argument. */
        Outcome under(String parent) {
            return new Outcome(
                    tenant,
                    created,
                    changes,
                    adminAccount,
                    userErrors.stream().map(error -> error.under(parent)).toList());
        }
    }

    private final TenantDefinitions definitions;
    private final Tenants tenants;
    private final Councils councils;
    private final TenantTransactions transactions;
    private final TenantIdentities identities;
    private final TenantConfiguration configuration;
    private final AuditTrail audit;

    OnboardingTenant(
            TenantDefinitions definitions,
            Tenants tenants,
            Councils councils,
            TenantTransactions transactions,
            TenantIdentities identities,
            TenantConfiguration configuration,
            AuditTrail audit) {
        this.definitions = definitions;
        this.tenants = tenants;
        this.councils = councils;
        this.transactions = transactions;
        this.identities = identities;
        this.configuration = configuration;
        this.audit = audit;
    }

    /**
     * Onboards from a definition's YAML text, for a platform operator; the user errors' fields are
     * paths in the mutation's {@code input} (["input", "definition", "councils", "0", "gssCode"]).
     */
    public Outcome onboard(Caller caller, String yaml) {
        if (!caller.has(Role.PLATFORM_OPERATOR)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only a platform operator may onboard tenants.");
        }
        TenantDefinitions.Reading reading = definitions.read(yaml);
        TenantDefinition definition = reading.definition();
        return (definition != null ? apply(definition) : Outcome.refused(reading.problems())).under("input");
    }

    /** Applies a definition already read and checked (the onboarding command and the devstack). */
    public Outcome apply(TenantDefinition definition) {
        if (tenants.nameTaken(definition.name(), definition.slug())) {
            return Outcome.refused(List.of(UserError.of(
                    Code.NOT_ALLOWED,
                    "name: another tenant is already called '" + definition.name()
                            + "'; each tenant's name is its own.",
                    "definition",
                    "name")));
        }
        Tenant existing = tenants.findBySlug(definition.slug()).orElse(null);
        UUID tenantId = existing == null ? UUID.randomUUID() : existing.id();
        Reconciled[] identity = new Reconciled[1];
        try {
            return transactions.inTenant(tenantId, true, () -> {
                List<String> changes = new ArrayList<>(recordInRegister(tenantId, existing, definition));
                if (definition.configuration() != null) {
                    changes.addAll(configuration.apply(tenantId, definition.name(), definition.configuration()));
                }
                Tenant tenant = tenants.findById(tenantId).orElseThrow();
                identity[0] = identities.reconcile(definition, tenant.admitsMembers());
                changes.addAll(identity[0].changes());
                if (!changes.isEmpty()) {
                    audit.record(
                            tenantId,
                            existing == null ? "Tenant.onboarded" : "Tenant.definitionApplied",
                            Tenant.TYPE,
                            tenantId,
                            existing,
                            Map.of("definition", definition, "changes", changes));
                }
                return new Outcome(tenant, existing == null, changes, identity[0].adminAccount(), List.of());
            });
        } catch (IdentityStepFailed failed) {
            return Outcome.refused(
                    List.of(UserError.of(Code.NOT_ALLOWED, failed.getMessage() + " Nothing was kept.", "definition")));
        } catch (RuntimeException failed) {
            if (identity[0] != null) {
                identities.undo(identity[0]);
            }
            throw failed;
        }
    }

    /** Inserts or updates the tenant and its councils; one line per change. */
    private List<String> recordInRegister(UUID tenantId, @Nullable Tenant existing, TenantDefinition definition) {
        List<String> changes = new ArrayList<>();
        if (existing == null) {
            tenants.save(new Tenant(
                    tenantId,
                    definition.slug(),
                    definition.name(),
                    definition.kind(),
                    definition.region(),
                    TenantStatus.ONBOARDING,
                    0));
            changes.add("registered tenant " + definition.slug());
        } else if (!existing.name().equals(definition.name())
                || existing.kind() != definition.kind()
                || existing.region() != definition.region()) {
            tenants.update(new Tenant(
                    tenantId,
                    existing.slug(),
                    definition.name(),
                    definition.kind(),
                    definition.region(),
                    existing.status(),
                    existing.version()));
            changes.add("changed name, kind or region");
        }
        changes.addAll(reconcileCouncils(tenantId, definition));
        return changes;
    }

    private List<String> reconcileCouncils(UUID tenantId, TenantDefinition definition) {
        List<String> changes = new ArrayList<>();
        Map<String, Council> current = councils.findByTenantIdInOrderByGssCode(List.of(tenantId)).stream()
                .collect(Collectors.toMap(Council::gssCode, Function.identity()));
        for (var wanted : definition.councils()) {
            Council existing = current.remove(wanted.gssCode());
            Council council = new Council(
                    existing == null ? UUID.randomUUID() : existing.id(),
                    tenantId,
                    wanted.gssCode(),
                    wanted.name(),
                    wanted.validFrom(),
                    wanted.validTo(),
                    wanted.predecessorGssCode());
            if (existing == null) {
                councils.save(council);
                changes.add("added council " + wanted.gssCode());
            } else if (!Objects.equals(existing, council)) {
                councils.update(council);
                changes.add("changed council " + wanted.gssCode());
            }
        }
        current.values().forEach(gone -> {
            councils.delete(gone);
            changes.add("removed council " + gone.gssCode());
        });
        return changes;
    }
}
