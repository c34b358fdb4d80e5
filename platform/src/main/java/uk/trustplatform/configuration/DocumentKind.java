package uk.trustplatform.configuration;

/** The kinds of configuration document a tenant keeps, each with its GraphQL type. */
public enum DocumentKind {
    STANDARDS_FRAMEWORK("StandardsFramework", StandardsFrameworkContent.class),
    STRATEGY("Strategy", StrategyContent.class),
    ACTION_PLAN_TEMPLATE("ActionPlanTemplate", ActionPlanTemplateContent.class),
    CHARTER("Charter", CharterContent.class),
    PLEDGE("Pledge", PledgeContent.class),
    VOCABULARIES("Vocabularies", VocabulariesContent.class),
    GUIDANCE("Guidance", GuidanceContent.class);

    private final String graphQLType;
    private final Class<? extends DocumentContent> content;

    DocumentKind(String graphQLType, Class<? extends DocumentContent> content) {
        this.graphQLType = graphQLType;
        this.content = content;
    }

    public String graphQLType() {
        return graphQLType;
    }

    Class<? extends DocumentContent> content() {
        return content;
    }

    static DocumentKind ofType(String graphQLType) {
        for (DocumentKind kind : values()) {
            if (kind.graphQLType.equals(graphQLType)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("No document kind for GraphQL type " + graphQLType);
    }
}
