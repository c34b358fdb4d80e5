package uk.trustplatform.feedback;

/** How many participants answered "Did you hear what happened because of what you said?", by answer. */
public record HeardBackCount(int yes, int notYet, int no) {

    public static final HeardBackCount NONE = new HeardBackCount(0, 0, 0);

    public int answers() {
        return yes + notYet + no;
    }

    HeardBackCount plus(Heard heard) {
        return switch (heard) {
            case YES -> new HeardBackCount(yes + 1, notYet, no);
            case NOT_YET -> new HeardBackCount(yes, notYet + 1, no);
            case NO -> new HeardBackCount(yes, notYet, no + 1);
        };
    }
}
