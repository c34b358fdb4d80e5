package uk.trustplatform.configuration;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The key that stays the same across a document's editions, derived from what the document is:
 * a framework's or a guidance document's own key, a strategy's or template's period; there is one
 * charter, one pledge and one set of vocabularies per tenant (and one personalised charter per
 * partner). The same definition applied again therefore finds the same document.
 */
final class DocumentKeys {

    private DocumentKeys() {}

    static String of(DocumentContent content, @Nullable UUID partner) {
        String key = switch (content) {
            case StandardsFrameworkContent framework -> framework.key();
            case StrategyContent strategy -> "strategy-" + strategy.periodStart() + "-" + strategy.periodEnd();
            case ActionPlanTemplateContent template ->
                "action-plan-template-" + template.periodStart() + "-" + template.periodEnd();
            case CharterContent charter -> "charter";
            case PledgeContent pledge -> "pledge";
            case VocabulariesContent vocabularies -> "vocabularies";
            case GuidanceContent guidance -> guidance.key();
        };
        return partner == null ? key : key + "-" + partner;
    }

    /**
     * Whether the document's author writes its key: a framework's and a guidance document's are
     * how others refer to them (templates, pledges, web addresses), so they never change.
     */
    static boolean chosenByAuthor(DocumentContent content) {
        return content instanceof StandardsFrameworkContent || content instanceof GuidanceContent;
    }
}
