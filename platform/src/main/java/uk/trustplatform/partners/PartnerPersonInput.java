package uk.trustplatform.partners;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.Inputs;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;

/** A person's details as a caller sent them, trimmed, with the rules each must meet. */
record PartnerPersonInput(
        @Nullable String name,
        @Nullable String jobTitle,
        @Nullable String email,
        @Nullable String telephone,
        List<String> roles) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern TELEPHONE = Pattern.compile("\\+?[0-9 ()-]{6,30}");

    static PartnerPersonInput from(InputFields input) {
        return new PartnerPersonInput(
                Inputs.trimmed(input.string("name")),
                Inputs.trimmed(input.string("jobTitle")),
                Inputs.trimmed(input.string("email")),
                Inputs.trimmed(input.string("telephone")),
                input.strings("roles").stream().distinct().sorted().toList());
    }

    List<UserError> problems() {
        List<UserError> problems = new ArrayList<>();
        Inputs.required(problems, "name", name, 200, "Give the person's name.");
        Inputs.optional(problems, "jobTitle", jobTitle, 200);
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            problems.add(UserError.of(
                    Code.INVALID_FORMAT, "Give a work email address such as name@agency.org.uk.", "input", "email"));
        }
        if (telephone != null && !TELEPHONE.matcher(telephone).matches()) {
            problems.add(UserError.of(
                    Code.INVALID_FORMAT,
                    "Give a work telephone number: digits, spaces, brackets and dashes, 6 to 30 characters.",
                    "input",
                    "telephone"));
        }
        return problems;
    }

    /** The person's name, once {@link #problems} has found none. */
    String checkedName() {
        return Objects.requireNonNull(name, "the check refuses a person without a name");
    }

    String[] roleNames() {
        return roles.toArray(String[]::new);
    }
}
