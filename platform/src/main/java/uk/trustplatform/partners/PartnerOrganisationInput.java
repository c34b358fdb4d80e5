package uk.trustplatform.partners;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.Inputs;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;

/**
 * The editable fields of a partner organisation as a caller sent them, trimmed, with the rules
 * each must meet.
 */
record PartnerOrganisationInput(
        @Nullable String name,
        @Nullable String organisationIdentifier,
        @Nullable String parentId,
        @Nullable String category,
        @Nullable Sector sector,
        boolean statutory) {

    static final int NAME_MAX = 200;
    /** org-id.guide: a country code, a register code, then the identifier in that register. */
    private static final Pattern ORG_ID = Pattern.compile("[A-Z]{2}-[A-Z0-9]{2,6}-[A-Za-z0-9][A-Za-z0-9._-]{0,49}");

    static PartnerOrganisationInput from(InputFields input) {
        String sector = Inputs.trimmed(input.string("sector"));
        return new PartnerOrganisationInput(
                Inputs.trimmed(input.string("name")),
                Inputs.trimmed(input.string("organisationIdentifier")),
                Inputs.trimmed(input.string("parentId")),
                Inputs.trimmed(input.string("category")),
                sector == null ? null : Sector.valueOf(sector),
                Boolean.TRUE.equals(input.bool("statutory")));
    }

    /** Every rule the input breaks, each naming its field; empty when it may be saved. */
    List<UserError> problems(List<String> categories) {
        List<UserError> problems = new ArrayList<>();
        Inputs.required(problems, "name", name, NAME_MAX, "Give the organisation a name.");
        if (organisationIdentifier != null
                && !ORG_ID.matcher(organisationIdentifier).matches()) {
            problems.add(UserError.of(
                    Code.INVALID_FORMAT,
                    "Use the org-id.guide form: country, register and identifier, such as GB-CHC-1091764"
                            + " (a registered charity), GB-COH-01234567 (a company) or GB-NHS-RXX (an NHS trust).",
                    "input",
                    "organisationIdentifier"));
        }
        if (parentId != null && parent().isEmpty()) {
            // Not an id we issued; an id we did issue is checked against what the caller may see.
            problems.add(parentNotFound());
        }
        Inputs.code(problems, "category", category, categories, "partner categories");
        return problems;
    }

    /** The organisation's name, once {@link #problems} has found none. */
    String checkedName() {
        return Objects.requireNonNull(name, "the check refuses an organisation without a name");
    }

    Optional<UUID> parent() {
        return parentId == null ? Optional.empty() : GlobalId.decode(parentId, PartnerOrganisation.TYPE);
    }

    static UserError parentNotFound() {
        return UserError.of(Code.NOT_FOUND, "No partner organisation has the parent id given.", "input", "parentId");
    }
}
