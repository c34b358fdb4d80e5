package uk.trustplatform.configuration;

import static uk.trustplatform.configuration.Lists.orEmpty;

import java.util.List;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;

/**
 * The pledge partners sign (Luton's Safeguarding Children Pledge): what the signatory agrees to,
 * the commitments it makes against each standard, the signature block, and how often it is
 * renewed (Luton: annually).
 */
public record PledgeContent(
        String title,
        String framework,
        String statement,
        List<Commitment> commitments,
        List<String> signatureFields,
        Integer renewalMonths)
        implements DocumentContent {

    public PledgeContent {
        commitments = orEmpty(commitments);
        signatureFields = orEmpty(signatureFields);
    }

    public record Commitment(String standard, String text) {}

    @Override
    public List<UserError> problems(Problems at, Standards standards) {
        at.text("title", title);
        at.text("framework", framework);
        at.text("statement", statement);
        if (commitments.isEmpty()) {
            at.add(Code.REQUIRED, "commitments", "a pledge commits to at least one standard.");
        }
        at.unique("commitments", commitments.stream().map(Commitment::standard).toList(), "standard");
        for (int i = 0; i < commitments.size(); i++) {
            Problems here = at.in("commitments", i);
            here.text("text", commitments.get(i).text());
            if (commitments.get(i).standard() == null) {
                here.add(Code.REQUIRED, "standard", "must be given.");
            } else if (framework != null) {
                standards.check(here, "standard", framework, commitments.get(i).standard());
            }
        }
        if (signatureFields.isEmpty()) {
            at.add(Code.REQUIRED, "signatureFields", "name at least one field of the signature block.");
        }
        at.texts("signatureFields", signatureFields);
        if (renewalMonths == null || renewalMonths < 1 || renewalMonths > 60) {
            at.add(Code.NOT_ALLOWED, "renewalMonths", "must be between 1 and 60 months.");
        }
        return at.found();
    }
}
