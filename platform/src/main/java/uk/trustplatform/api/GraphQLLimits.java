package uk.trustplatform.api;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Positive;

/**
 * Limits every GraphQL document must stay within (configuration prefix {@code trust.graphql.limits}).
 * The defaults in application.yml fit the platform's own pages and documented integrations.
 *
 * @param maxDepth deepest nesting of fields, counted from the root field as 1
 * @param maxComplexity fields in the response, each multiplied by the page sizes above it
 * @param maxAliases aliased fields in one document
 * @param maxRootFields fields selected at the top of the operation
 * @param maxPageSize largest {@code first} or {@code last} one connection may ask for
 * @param maxQueryCharacters longest query text accepted
 * @param maxTokens most parser tokens in one query text
 */
@ConfigurationProperties("trust.graphql.limits")
public record GraphQLLimits(
        @Positive int maxDepth,
        @Positive int maxComplexity,
        @Positive int maxAliases,
        @Positive int maxRootFields,
        @Positive int maxPageSize,
        @Positive int maxQueryCharacters,
        @Positive int maxTokens) {}
