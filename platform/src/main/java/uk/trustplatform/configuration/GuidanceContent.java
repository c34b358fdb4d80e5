package uk.trustplatform.configuration;

import static uk.trustplatform.configuration.Lists.orEmpty;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;

/**
 * One of the partnership's guidance documents: Medway's safeguarding guidance for staff,
 * Cumbria's online communication code of conduct, Cambridgeshire's participation champion role
 * description. A tenant keeps several, each under a {@code key} of its own choosing that is also
 * its public address ({@code /medway/guidance/safeguarding-guidance-for-staff}); who it is for,
 * where it comes from, when it is reviewed (as exactly as the document says: a day, a month or a
 * season, or not at all), the paragraphs it opens with and its sections.
 */
public record GuidanceContent(
        String key,
        String title,
        String audience,
        String source,
        LocalDate reviewDate,
        String reviewDue,
        List<String> introduction,
        List<Section> sections)
        implements DocumentContent {

    static final int KEY_MAX = 60;
    private static final String KEY = "[a-z][a-z0-9]*(-[a-z0-9]+)*";

    public GuidanceContent {
        introduction = orEmpty(introduction);
        sections = orEmpty(sections);
    }

    /** A heading and what stands under it, in the document's order. */
    public record Section(String heading, List<Block> body) {
        public Section {
            body = orEmpty(body);
        }
    }

    /**
     * One piece of a section: a subheading (Medway's "Staff Recruitment" under "Staff are aware of
     * organisational processes …"), a paragraph, or a list of bullet items. Blocks rather than a
     * section's paragraphs and then its list, because the seeds' text runs paragraph, list,
     * paragraph (Cumbria's "Rationale and context").
     */
    public record Block(String subheading, String paragraph, List<String> items) {
        public Block {
            items = orEmpty(items);
        }
    }

    @Override
    public List<UserError> problems(Problems at, Standards standards) {
        checkKey(at);
        at.text("title", title);
        at.optionalText("audience", audience);
        at.text("source", source);
        at.review(reviewDate, reviewDue);
        at.texts("introduction", introduction);
        if (sections.isEmpty()) {
            at.add(Code.REQUIRED, "sections", "a guidance document needs at least one section.");
        }
        for (int i = 0; i < sections.size(); i++) {
            checkSection(at.in("sections", i), sections.get(i));
        }
        return at.found();
    }

    /** The key is part of the document's web address, so it is written as one. */
    private void checkKey(Problems at) {
        if (key == null || key.isBlank()) {
            at.add(Code.REQUIRED, "key", "must not be empty.");
        } else if (key.length() > KEY_MAX || !key.matches(KEY)) {
            at.add(
                    Code.INVALID_FORMAT,
                    "key",
                    "use at most " + KEY_MAX + " lower-case letters, digits and single hyphens, starting with a"
                            + " letter, e.g. online-code-of-conduct.");
        }
    }

    private static void checkSection(Problems at, Section section) {
        at.text("heading", section.heading());
        if (section.body().isEmpty()) {
            at.add(Code.REQUIRED, "body", "a section needs at least one paragraph or list.");
        }
        for (int i = 0; i < section.body().size(); i++) {
            checkBlock(at.in("body"), String.valueOf(i), section.body().get(i));
        }
    }

    private static void checkBlock(Problems body, String index, Block block) {
        long given = Stream.of(
                        block.subheading() != null,
                        block.paragraph() != null,
                        !block.items().isEmpty())
                .filter(Boolean::booleanValue)
                .count();
        if (given != 1) {
            body.add(
                    given == 0 ? Code.REQUIRED : Code.NOT_ALLOWED,
                    index,
                    "give one of subheading, paragraph or items" + (given == 0 ? "." : ", not several."));
            return;
        }
        Problems at = body.in(index);
        if (block.subheading() != null) {
            at.text("subheading", block.subheading());
        }
        if (block.paragraph() != null) {
            at.text("paragraph", block.paragraph());
        }
        at.texts("items", block.items());
    }
}
