package uk.trustplatform.bench;

/** What the soak's callers do, and how often: weights out of 100. */
enum SoakOperation {
    READ_PLAN("plan read", "a partner system reads its plan", 25),
    SAVE_ACTION("action save", "a partner system saves an action (with version)", 15),
    ADD_PROGRESS("progress", "a partner lead adds progress to an action", 15),
    BOARD_PROGRESS("board", "a board member lists partners with progress", 15),
    PUBLIC_PAGE("public page", "the public reads the pledge register page", 15),
    PUBLIC_API("public API", "the public reads the pledge register over GraphQL", 15);

    private final String label;
    private final String description;
    private final int weight;

    SoakOperation(String label, String description, int weight) {
        this.label = label;
        this.description = description;
        this.weight = weight;
    }

    /** A column heading. */
    String label() {
        return label;
    }

    String description() {
        return description;
    }

    /** The operation that a draw of {@code 0 <= draw < 100} stands for. */
    static SoakOperation drawn(int draw) {
        int sum = 0;
        for (SoakOperation operation : values()) {
            sum += operation.weight;
            if (draw < sum) {
                return operation;
            }
        }
        throw new IllegalArgumentException("A draw is below 100, not " + draw);
    }
}
