package uk.trustplatform.feedback;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import uk.trustplatform.api.Caller;

/**
 * A kind of record whose participants can be given a feedback code: a participation activity
 * today. A kind implements this in its own feature and is found as a bean; its GraphQL type must
 * also be a value of {@code feedback_subject_kind_known} and have the {@code feedbackCode} and
 * {@code heardBack} fields in the schema.
 */
public interface FeedbackSubject {

    /** The kind's GraphQL type, which is also how codes and answers name the kind. */
    String type();

    /**
     * The subject as the caller may see it, read in the caller's tenant; empty when there is no such
     * subject or the caller may not read it (the two look the same).
     */
    Optional<Subject> visible(Caller caller, UUID id);

    /**
     * What the participants were told, read inside the subject's own tenant for someone holding its
     * code; empty while nothing has been told.
     */
    Optional<Told> told(UUID id);

    /** The subject's id, from the value the GraphQL type is fetched from. */
    UUID idOf(Object source);

    /**
     * @param keptByCaller whether the caller may issue and withdraw its code: its agency's partner
     *     lead or a tenant admin
     * @param told what the participants were told; empty while nothing has been told
     */
    record Subject(boolean keptByCaller, Optional<Told> told) {}

    /**
     * "You said, we did", in the words the worker wrote for the participants.
     *
     * @param title what the participants took part in
     * @param toldOn when they were told
     */
    record Told(String title, String youSaid, String weDid, LocalDate toldOn) {}
}
