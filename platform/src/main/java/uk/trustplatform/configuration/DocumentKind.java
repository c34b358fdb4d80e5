package uk.trustplatform.configuration;

import uk.trustplatform.api.SchemaTypes;

/** The kinds of configuration document a tenant keeps, each with its GraphQL type. */
public enum DocumentKind {
    STANDARDS_FRAMEWORK(SchemaTypes.STANDARDS_FRAMEWORK, StandardsFrameworkContent.class),
    STRATEGY(SchemaTypes.STRATEGY, StrategyContent.class),
    ACTION_PLAN_TEMPLATE(SchemaTypes.ACTION_PLAN_TEMPLATE, ActionPlanTemplateContent.class),
    CHARTER(SchemaTypes.CHARTER, CharterContent.class),
    PLEDGE(SchemaTypes.PLEDGE, PledgeContent.class),
    VOCABULARIES(SchemaTypes.VOCABULARIES, VocabulariesContent.class),
    GUIDANCE(SchemaTypes.GUIDANCE, GuidanceContent.class);

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
