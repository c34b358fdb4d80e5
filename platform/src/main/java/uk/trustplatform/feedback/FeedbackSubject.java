package uk.trustplatform.feedback;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.Caller;

/**
 * A kind of record whose participants can be given a feedback code: a participation activity, an
 * inspection by young inspectors, a youth forum's recommendation. A kind implements this in its
 * own feature and is found as a bean; its GraphQL type must also be a value of
 * {@code feedback_subject_kind_known} and of the schema's {@code HeardBackAbout} (in capitals), and
 * have the {@code feedbackCode} and {@code heardBack} fields in the schema.
 */
public interface FeedbackSubject {

    /** The kind's GraphQL type, which is also how codes and answers name the kind. */
    String type();

    /** What a not-found refusal calls one: "activity", "inspection", "recommendation". */
    String noun();

    /** Why a code cannot be issued yet, said to the worker: what to do first. */
    String notToldYet();

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

    /**
     * The subjects of the caller's tenant that the participation summary of the period counts: those
     * of the period (as the kind dates them) that the caller reads.
     */
    List<UUID> summarised(Caller caller, LocalDate from, LocalDate to);

    /** The subject's id, from the value the GraphQL type is fetched from. */
    UUID idOf(Object source);

    /** The kind as the schema's {@code HeardBackAbout} names it: ParticipationActivity is PARTICIPATION_ACTIVITY. */
    static String about(String type) {
        return type.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /**
     * @param keptByCaller whether the caller may issue and withdraw its code (each kind says who)
     * @param told what the participants were told; empty while nothing has been told
     */
    record Subject(boolean keptByCaller, Optional<Told> told) {}

    /**
     * What the participants were told, in the words written for them: "you said, we did", and for
     * some kinds more (an inspection's responses and kite mark, a recommendation's outcome).
     *
     * @param kind the subject's GraphQL type
     * @param title what the participants took part in
     * @param heldOn the day it happened: an activity's first day, an inspection's day, the day a forum recommended
     * @param toldOn when they were told
     * @param recommendations an inspection's recommendations with the service's responses; empty for other kinds
     * @param kiteMarkAwarded an inspection's kite mark decision; null for other kinds
     * @param addressedTo the partner a recommendation was addressed to; null for the board and other kinds
     * @param outcome a recommendation's outcome (ACCEPTED, PARTLY_ACCEPTED, NOT_ACCEPTED); null for other kinds
     * @param reason why a recommendation was not accepted as it stood; null otherwise
     */
    record Told(
            String kind,
            String title,
            String youSaid,
            String weDid,
            LocalDate heldOn,
            LocalDate toldOn,
            List<Response> recommendations,
            @Nullable Boolean kiteMarkAwarded,
            @Nullable String addressedTo,
            @Nullable String outcome,
            @Nullable String reason) {

        /** What an activity's participants were told: its "you said, we did" alone. */
        public static Told of(
                String kind, String title, String youSaid, String weDid, LocalDate heldOn, LocalDate toldOn) {
            return new Told(kind, title, youSaid, weDid, heldOn, toldOn, List.of(), null, null, null, null);
        }

        public Told withReport(List<Response> responses, boolean kiteMark) {
            return new Told(kind, title, youSaid, weDid, heldOn, toldOn, responses, kiteMark, null, null, null);
        }

        public Told withOutcome(@Nullable String partner, String decided, @Nullable String why) {
            return new Told(kind, title, youSaid, weDid, heldOn, toldOn, recommendations, null, partner, decided, why);
        }
    }

    /** One of an inspection's recommendations, and the service's response to it once given. */
    record Response(
            int number,
            String text,
            @Nullable String response,
            @Nullable LocalDate respondedOn) {}
}
