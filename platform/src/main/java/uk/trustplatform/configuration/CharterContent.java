package uk.trustplatform.configuration;

import static uk.trustplatform.configuration.Lists.orEmpty;

import java.time.LocalDate;
import java.util.List;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;

/**
 * A charter of values (Cambridgeshire's Charter of Shared Values): each value with what the
 * partnership believes ("Listening to children … gives us the ability to improve") and what it
 * will do ("We will listen …"), and the record of its reviews with children and young people.
 */
public record CharterContent(String title, List<Value> values, List<Review> reviews) implements DocumentContent {

    public CharterContent {
        values = orEmpty(values);
        reviews = orEmpty(reviews);
    }

    public record Value(String name, String belief, String commitment) {}

    /** A review of the charter with a group of children or young people. */
    public record Review(LocalDate date, String withGroup) {}

    @Override
    public List<UserError> problems(Problems at, Standards standards) {
        at.text("title", title);
        if (values.isEmpty()) {
            at.add(Code.REQUIRED, "values", "a charter needs at least one value.");
        }
        at.unique("values", values.stream().map(Value::name).toList(), "name");
        for (int i = 0; i < values.size(); i++) {
            at.in("values", i).text("name", values.get(i).name());
            at.in("values", i).text("belief", values.get(i).belief());
            at.in("values", i).text("commitment", values.get(i).commitment());
        }
        for (int i = 0; i < reviews.size(); i++) {
            if (reviews.get(i).date() == null) {
                at.in("reviews", i).add(Code.REQUIRED, "date", "must be given.");
            }
            at.in("reviews", i).text("withGroup", reviews.get(i).withGroup());
        }
        return at.found();
    }
}
