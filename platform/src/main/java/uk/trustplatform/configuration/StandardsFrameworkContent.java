package uk.trustplatform.configuration;

import static uk.trustplatform.configuration.Lists.orEmpty;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import uk.trustplatform.api.UserError;

/**
 * A numbered list of standards with their criteria: Hear by Right's seven standards
 * (Cambridgeshire), Luton's nine safeguarding standards with criteria 1.1 … 9.4.
 */
public record StandardsFrameworkContent(String key, String name, String description, List<Standard> standards)
        implements DocumentContent {

    public StandardsFrameworkContent {
        standards = orEmpty(standards);
    }

    public record Standard(String number, String title, String description, List<Criterion> criteria) {
        public Standard {
            criteria = orEmpty(criteria);
        }
    }

    public record Criterion(String number, String text) {}

    @Override
    public List<UserError> problems(Problems at, Standards standards) {
        at.text("key", key);
        at.text("name", name);
        at.optionalText("description", description);
        if (this.standards.isEmpty()) {
            at.add(UserError.Code.REQUIRED, "standards", "a framework needs at least one standard.");
        }
        at.unique("standards", this.standards.stream().map(Standard::number).toList(), "number");
        for (int i = 0; i < this.standards.size(); i++) {
            Standard standard = this.standards.get(i);
            Problems here = at.in("standards", i);
            here.text("number", standard.number());
            here.text("title", standard.title());
            here.optionalText("description", standard.description());
            here.unique(
                    "criteria",
                    standard.criteria().stream().map(Criterion::number).toList(),
                    "number");
            for (int c = 0; c < standard.criteria().size(); c++) {
                here.in("criteria", c).text("number", standard.criteria().get(c).number());
                here.in("criteria", c).text("text", standard.criteria().get(c).text());
            }
        }
        return at.found();
    }

    Set<String> numbers() {
        return standards.stream().map(Standard::number).collect(Collectors.toSet());
    }
}
