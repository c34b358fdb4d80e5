package uk.trustplatform.configuration;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The platform's own terms ({@code platform-defaults/vocabularies.yaml}), in force for every list
 * a partnership's published vocabularies leave empty. Checked when the platform starts.
 */
@Singleton
final class PlatformVocabularies {

    private final VocabulariesContent defaults;

    PlatformVocabularies(DocumentCodec codec) {
        try (InputStream in = PlatformVocabularies.class.getResourceAsStream("/platform-defaults/vocabularies.yaml")) {
            defaults = codec.from(new YAMLMapper().readTree(in), VocabulariesContent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<?> problems = defaults.problems(Problems.at("platformDefaults"), Standards.none());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The platform's default vocabularies are invalid: " + problems);
        }
    }

    /** Each list the partnership's own, or the platform's where the partnership's is empty. */
    TermsInForce inForce(Optional<VocabulariesContent> own) {
        VocabulariesContent theirs = own.orElseGet(() -> new VocabulariesContent(
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of()));
        List<String> fromPlatform = new ArrayList<>();
        VocabulariesContent terms = new VocabulariesContent(
                theirs.partnerCategories(),
                pick(theirs.governanceBodyTypes(), defaults.governanceBodyTypes(), "governanceBodyTypes", fromPlatform),
                pick(theirs.ageBands(), defaults.ageBands(), "ageBands", fromPlatform),
                pick(
                        theirs.participationMethods(),
                        defaults.participationMethods(),
                        "participationMethods",
                        fromPlatform),
                pick(theirs.audienceGroups(), defaults.audienceGroups(), "audienceGroups", fromPlatform),
                pick(theirs.hartsLadderLevels(), defaults.hartsLadderLevels(), "hartsLadderLevels", fromPlatform),
                // Only the partnership's own: the questions are its young inspectors' choice.
                theirs.inspectionQuestions(),
                // Only the partnership's own: the platform's scales are the self-assessment feature's.
                theirs.ratingScales());
        return new TermsInForce(terms, List.copyOf(fromPlatform));
    }

    private static <T> List<T> pick(List<T> theirs, List<T> platform, String list, List<String> fromPlatform) {
        if (!theirs.isEmpty()) {
            return theirs;
        }
        fromPlatform.add(list);
        return platform;
    }

    /**
     * The terms a partnership works with, and which of its lists are the platform's defaults
     * (their names as in the vocabularies, e.g. {@code ageBands}).
     */
    record TermsInForce(VocabulariesContent terms, List<String> platformDefaults) {

        public List<VocabulariesContent.Term> partnerCategories() {
            return terms.partnerCategories();
        }

        public List<VocabulariesContent.Term> governanceBodyTypes() {
            return terms.governanceBodyTypes();
        }

        public List<VocabulariesContent.AgeBand> ageBands() {
            return terms.ageBands();
        }

        public List<VocabulariesContent.Term> participationMethods() {
            return terms.participationMethods();
        }

        public List<VocabulariesContent.Term> audienceGroups() {
            return terms.audienceGroups();
        }

        public List<VocabulariesContent.LadderLevel> hartsLadderLevels() {
            return terms.hartsLadderLevels();
        }

        public List<VocabulariesContent.Term> inspectionQuestions() {
            return terms.inspectionQuestions();
        }
    }
}
