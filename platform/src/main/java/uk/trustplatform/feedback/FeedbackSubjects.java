package uk.trustplatform.feedback;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import uk.trustplatform.api.GlobalId;

/** The kinds of subject that can have feedback codes, found by the type of a global id. */
@Singleton
final class FeedbackSubjects {

    /** A subject named by a global id: its kind and its row id. */
    record Named(FeedbackSubject kind, UUID id) {}

    private final List<FeedbackSubject> kinds;

    FeedbackSubjects(List<FeedbackSubject> kinds) {
        this.kinds = kinds;
    }

    List<FeedbackSubject> all() {
        return kinds;
    }

    Optional<Named> named(String globalId) {
        return GlobalId.decode(globalId).flatMap(id -> ofType(id.type()).map(kind -> new Named(kind, id.uuid())));
    }

    Optional<FeedbackSubject> ofType(String type) {
        return kinds.stream().filter(kind -> kind.type().equals(type)).findFirst();
    }
}
