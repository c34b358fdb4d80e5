package uk.trustplatform.web;

import static uk.trustplatform.web.DocumentForm.Part.choice;
import static uk.trustplatform.web.DocumentForm.Part.date;
import static uk.trustplatform.web.DocumentForm.Part.group;
import static uk.trustplatform.web.DocumentForm.Part.list;
import static uk.trustplatform.web.DocumentForm.Part.number;
import static uk.trustplatform.web.DocumentForm.Part.text;
import static uk.trustplatform.web.DocumentForm.Part.textarea;
import static uk.trustplatform.web.DocumentForm.Part.words;

import java.util.List;
import java.util.Optional;
import uk.trustplatform.web.DocumentForm.Control;
import uk.trustplatform.web.DocumentForm.Part;

/**
 * The kinds of configuration document the partnership's admin keeps, in the order the documents
 * page lists them: what each is called, and its form (the parts of its save mutation's content
 * input, by the schema's names).
 */
public final class DocumentKinds {

    /**
     * One kind of document.
     *
     * @param type its GraphQL type, {@code Pledge}
     * @param plural how the documents page heads its list
     * @param one how a sentence names one ("the pledge")
     * @param mutation its save mutation, {@code savePledge}, run from {@code pages/<mutation>.graphql}
     */
    public record Kind(String type, String plural, String one, String mutation, DocumentForm form) {

        /** The save mutation's payload field holding the saved edition: {@code pledge}. */
        public String payloadField() {
            return form.input();
        }
    }

    private static final List<Option> COLUMN_TYPES = List.of(
            new Option("TEXT", "Text"),
            new Option("LEAD", "Lead"),
            new Option("DATE_OR_TIMESCALE", "Date or timescale"),
            new Option("RESOURCES", "Resources"),
            new Option("RISK", "Risk"),
            new Option("STATUS", "Status"));

    private static Part terms(String name, String label, String noun) {
        return list(
                name,
                label,
                noun,
                text("code", "Code").hint("Lower-case letters, digits and hyphens, for example voluntary-sector"),
                text("label", "Label"),
                textarea("description", "Description").optional());
    }

    public static final List<Kind> ALL = List.of(
            new Kind(
                    "Pledge",
                    "Pledge",
                    "the pledge",
                    "savePledge",
                    new DocumentForm(
                            "pledge",
                            List.of(
                                    text("title", "Title"),
                                    text("framework", "Standards framework it commits to")
                                            .hint("The framework's key, for example hear-by-right"),
                                    textarea("statement", "What the signatory agrees to"),
                                    list(
                                            "commitments",
                                            "Commitments",
                                            "commitment",
                                            text("standard", "Standard").hint("The standard's number, for example 1"),
                                            textarea("text", "What the partner commits to")),
                                    words("signatureFields", "Signature block", "signature field", Control.TEXT),
                                    number("renewalMonths", "How often it is renewed, in months")))),
            new Kind(
                    "Charter",
                    "Charter of values",
                    "the charter",
                    "saveCharter",
                    new DocumentForm(
                            "charter",
                            List.of(
                                    text("title", "Title"),
                                    list(
                                            "values",
                                            "Values",
                                            "value",
                                            text("name", "Name"),
                                            textarea("belief", "What we believe"),
                                            textarea("commitment", "What we will do")),
                                    list(
                                            "reviews",
                                            "Reviews with children and young people",
                                            "review",
                                            date("date", "Date of the review"),
                                            text("withGroup", "Reviewed with")
                                                    .hint("The group of children or young people"))))),
            new Kind(
                    "StandardsFramework",
                    "Standards frameworks",
                    "the standards framework",
                    "saveStandardsFramework",
                    new DocumentForm(
                            "standardsFramework",
                            List.of(
                                    text("name", "Name"),
                                    text("key", "Key")
                                            .hint("How templates and pledges refer to it, for example hear-by-right;"
                                                    + " fixed once created"),
                                    textarea("description", "Description").optional(),
                                    list(
                                            "standards",
                                            "Standards",
                                            "standard",
                                            text("number", "Number"),
                                            text("title", "Title"),
                                            textarea("description", "Description")
                                                    .optional(),
                                            list(
                                                    "criteria",
                                                    "Criteria",
                                                    "criterion",
                                                    text("number", "Number").hint("For example 1.1"),
                                                    textarea("text", "Text")))))),
            new Kind(
                    "Strategy",
                    "Strategies",
                    "the strategy",
                    "saveStrategy",
                    new DocumentForm(
                            "strategy",
                            List.of(
                                    text("title", "Title"),
                                    number("periodStart", "First year of the period"),
                                    number("periodEnd", "Last year of the period"),
                                    textarea("vision", "Vision").optional(),
                                    words("aims", "Aims", "aim", Control.TEXTAREA),
                                    list(
                                            "principles",
                                            "Principles",
                                            "principle",
                                            text("title", "Title").optional(),
                                            textarea("text", "Text")),
                                    list(
                                            "definitions",
                                            "Definitions",
                                            "definition",
                                            text("term", "Term"),
                                            textarea("meaning", "Meaning")),
                                    list(
                                            "legalDrivers",
                                            "Legal drivers",
                                            "legal driver",
                                            text("name", "Name").hint("For example UNCRC Article 12"),
                                            textarea("summary", "Summary").optional()),
                                    list(
                                            "benefits",
                                            "Benefits",
                                            "benefit",
                                            text("audience", "Who benefits").optional(),
                                            textarea("text", "Text")),
                                    group(
                                            "outcomeFramework",
                                            "Outcome framework",
                                            words("levels", "Levels", "level name", Control.TEXT),
                                            list(
                                                    "outcomes",
                                                    "Outcomes",
                                                    "outcome",
                                                    text("ref", "Reference"),
                                                    number("level", "Level").hint("1 for the first level"),
                                                    text("parent", "Reference of the outcome one level up")
                                                            .optional(),
                                                    textarea("text", "Text"))),
                                    list(
                                            "participationStructures",
                                            "Participation structures",
                                            "participation structure",
                                            text("name", "Name"),
                                            textarea("rationale", "Rationale").optional(),
                                            textarea("implementation", "Implementation")
                                                    .optional(),
                                            words(
                                                    "responsiblePartners",
                                                    "Responsible partners",
                                                    "responsible partner",
                                                    Control.TEXT),
                                            text("timescale", "Timescale").optional(),
                                            text("meetingFrequency", "How often it meets")
                                                    .optional()),
                                    list(
                                            "implementationPlan",
                                            "Implementation plan",
                                            "objective",
                                            textarea("objective", "Objective"),
                                            text("lead", "Lead").optional(),
                                            text("completion", "Completion").optional()),
                                    words("barriers", "Barriers", "barrier", Control.TEXTAREA),
                                    date("reviewDate", "Review date").optional(),
                                    text("reviewDue", "Review due, where no day is known")
                                            .hint("A month or a season and its year, for example autumn 2011")
                                            .optional()))),
            new Kind(
                    "ActionPlanTemplate",
                    "Action-plan templates",
                    "the action-plan template",
                    "saveActionPlanTemplate",
                    new DocumentForm(
                            "actionPlanTemplate",
                            List.of(
                                    text("title", "Title"),
                                    number("periodStart", "First year of the period"),
                                    number("periodEnd", "Last year of the period"),
                                    text("framework", "Standards framework the sections answer")
                                            .hint("The framework's key, for example hear-by-right")
                                            .optional(),
                                    list(
                                            "columns",
                                            "Columns",
                                            "column",
                                            text("key", "Key"),
                                            text("label", "Label"),
                                            choice("type", "Type", COLUMN_TYPES)),
                                    list(
                                            "sections",
                                            "Sections",
                                            "section",
                                            text("number", "Number"),
                                            text("title", "Title"),
                                            text("standard", "Standard it answers")
                                                    .optional(),
                                            list(
                                                    "outcomes",
                                                    "Outcomes",
                                                    "outcome",
                                                    text("number", "Number"),
                                                    textarea("text", "Text")))))),
            new Kind(
                    "Vocabularies",
                    "Vocabularies",
                    "the vocabularies",
                    "saveVocabularies",
                    new DocumentForm(
                            "vocabularies",
                            List.of(
                                    terms("partnerCategories", "Partner categories", "partner category"),
                                    terms("governanceBodyTypes", "Governance body types", "governance body type"),
                                    list(
                                            "ageBands",
                                            "Age bands",
                                            "age band",
                                            text("label", "Label"),
                                            number("fromAge", "From age"),
                                            number("toAge", "To age"),
                                            text("note", "Note").optional()),
                                    terms("participationMethods", "Participation methods", "participation method"),
                                    terms("audienceGroups", "Audience groups", "audience group"),
                                    list(
                                            "hartsLadderLevels",
                                            "Rungs of Hart's ladder",
                                            "rung",
                                            number("rung", "Rung"),
                                            text("name", "Name"),
                                            textarea("description", "Description")
                                                    .optional()),
                                    terms("inspectionQuestions", "Inspection questions", "inspection question"),
                                    list(
                                            "ratingScales",
                                            "Rating scales for self-assessments",
                                            "rating scale",
                                            text("code", "Code")
                                                    .hint("Lower-case letters, digits and hyphens, for example"
                                                            + " youth-voice; Hear by Right and RAG are always offered"),
                                            text("name", "Name"),
                                            list(
                                                    "levels",
                                                    "Levels, from the first to the furthest",
                                                    "level",
                                                    text("code", "Code")
                                                            .hint("Lower-case letters, digits and hyphens, for"
                                                                    + " example getting-started"),
                                                    text("label", "Label")))))),
            new Kind(
                    "Guidance",
                    "Guidance",
                    "the guidance",
                    "saveGuidance",
                    new DocumentForm(
                            "guidance",
                            List.of(
                                    text("title", "Title"),
                                    text("key", "Key")
                                            .hint("Its web address: lower-case letters, digits and single hyphens,"
                                                    + " for example online-code-of-conduct; fixed once created"),
                                    text("audience", "Who it is for").optional(),
                                    textarea("source", "Where it comes from")
                                            .hint("The document it is part of, who wrote or endorsed it"),
                                    date("reviewDate", "Review date").optional(),
                                    text("reviewDue", "Review due, where no day is known")
                                            .hint("A month or a season and its year, for example autumn 2011")
                                            .optional(),
                                    words("introduction", "Introduction", "paragraph", Control.TEXTAREA),
                                    list(
                                            "sections",
                                            "Sections",
                                            "section",
                                            text("heading", "Heading"),
                                            list(
                                                    "body",
                                                    "What stands under the heading",
                                                    "block",
                                                    text("subheading", "Subheading")
                                                            .hint("Give a subheading, a paragraph or bullet items")
                                                            .optional(),
                                                    textarea("paragraph", "Paragraph")
                                                            .optional(),
                                                    words("items", "Bullet items", "item", Control.TEXT)))))));

    private DocumentKinds() {}

    public static Optional<Kind> of(String type) {
        return ALL.stream().filter(kind -> kind.type().equals(type)).findFirst();
    }
}
