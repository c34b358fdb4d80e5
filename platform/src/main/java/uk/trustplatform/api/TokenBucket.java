package uk.trustplatform.api;

/**
 * A token bucket: holds up to {@code burst} tokens, refilled continuously at {@code perMinute}; a
 * request takes one. Times are {@link System#nanoTime()} readings, passed in so that a test can
 * move the clock.
 */
final class TokenBucket {

    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long updatedAt;

    TokenBucket(int burst, int perMinute, long now) {
        this.capacity = burst;
        this.tokensPerNano = perMinute / 60e9;
        this.tokens = burst;
        this.updatedAt = now;
    }

    /**
     * Takes a token if there is one, and answers 0; otherwise takes none and answers how many
     * nanoseconds until there will be one.
     */
    synchronized long take(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / tokensPerNano));
    }

    /** Returns a token taken for a request that another limit then refused. */
    synchronized void giveBack(long now) {
        refill(now);
        tokens = Math.min(capacity, tokens + 1);
    }

    /** Whether the bucket has refilled, and so is no different from a new one. */
    synchronized boolean full(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        // A time read before another thread's refill is not earlier than that refill: never negative.
        long at = Math.max(now, updatedAt);
        tokens = Math.min(capacity, tokens + (at - updatedAt) * tokensPerNano);
        updatedAt = at;
    }
}
