package uk.trustplatform.configuration;

import static uk.trustplatform.configuration.Lists.orEmpty;

import java.util.List;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;

/**
 * The tenant's own terms: partner categories (Luton's four), governance body types, age bands
 * (Medway: children up to 11, young people 12–18, up to 24 with a disability), participation
 * methods, audience groups, the rungs of Hart's ladder, and the questions its young inspectors
 * work on (Medway's five: "Is the service accessible?" …), which have no platform default.
 */
public record VocabulariesContent(
        List<Term> partnerCategories,
        List<Term> governanceBodyTypes,
        List<AgeBand> ageBands,
        List<Term> participationMethods,
        List<Term> audienceGroups,
        List<LadderLevel> hartsLadderLevels,
        List<Term> inspectionQuestions)
        implements DocumentContent {

    public VocabulariesContent {
        partnerCategories = orEmpty(partnerCategories);
        governanceBodyTypes = orEmpty(governanceBodyTypes);
        ageBands = orEmpty(ageBands);
        participationMethods = orEmpty(participationMethods);
        audienceGroups = orEmpty(audienceGroups);
        hartsLadderLevels = orEmpty(hartsLadderLevels);
        inspectionQuestions = orEmpty(inspectionQuestions);
    }

    public record Term(String code, String label, String description) {}

    public record AgeBand(String label, Integer fromAge, Integer toAge, String note) {}

    public record LadderLevel(Integer rung, String name, String description) {}

    @Override
    public List<UserError> problems(Problems at, Standards standards) {
        terms(at, "partnerCategories", partnerCategories);
        terms(at, "governanceBodyTypes", governanceBodyTypes);
        terms(at, "participationMethods", participationMethods);
        terms(at, "audienceGroups", audienceGroups);
        terms(at, "inspectionQuestions", inspectionQuestions);
        for (int i = 0; i < ageBands.size(); i++) {
            AgeBand band = ageBands.get(i);
            at.in("ageBands", i).text("label", band.label());
            if (band.fromAge() == null || band.toAge() == null || band.toAge() < band.fromAge()) {
                at.in("ageBands", i)
                        .add(Code.NOT_ALLOWED, "toAge", "give fromAge and toAge, with toAge not below fromAge.");
            }
        }
        at.unique(
                "hartsLadderLevels",
                hartsLadderLevels.stream().map(l -> String.valueOf(l.rung())).toList(),
                "rung");
        for (int i = 0; i < hartsLadderLevels.size(); i++) {
            LadderLevel level = hartsLadderLevels.get(i);
            at.in("hartsLadderLevels", i).text("name", level.name());
            if (level.rung() == null || level.rung() < 1 || level.rung() > 8) {
                at.in("hartsLadderLevels", i).add(Code.NOT_ALLOWED, "rung", "Hart's ladder has rungs 1 to 8.");
            }
        }
        return at.found();
    }

    private static void terms(Problems at, String list, List<Term> terms) {
        at.unique(list, terms.stream().map(Term::code).toList(), "code");
        for (int i = 0; i < terms.size(); i++) {
            Problems here = at.in(list, i);
            here.text("code", terms.get(i).code());
            here.text("label", terms.get(i).label());
            if (terms.get(i).code() != null && !terms.get(i).code().matches("[a-z][a-z0-9-]{0,39}")) {
                here.add(
                        Code.INVALID_FORMAT,
                        "code",
                        "use lower-case letters, digits and hyphens, e.g. statutory-board-member.");
            }
        }
    }
}
