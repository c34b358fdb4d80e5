package uk.trustplatform.feedback;

import java.util.List;
import uk.trustplatform.feedback.FeedbackAnswers.Answer;

/** A subject's answers: how many said each, and the words of those who gave any, newest first. */
record HeardBackAnswers(HeardBackCount count, List<Answer> words) {

    static HeardBackAnswers of(List<Answer> answers) {
        HeardBackCount count = HeardBackCount.NONE;
        for (Answer answer : answers) {
            count = count.plus(answer.heard());
        }
        return new HeardBackAnswers(
                count, answers.stream().filter(answer -> answer.words() != null).toList());
    }
}
