package uk.trustplatform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The token bucket behind the rate limits, on a clock the test moves: no database, no waiting. */
class TokenBucketTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void a_full_bucket_serves_its_burst_then_says_how_long_until_the_next_token() {
        TokenBucket bucket = new TokenBucket(3, 30, 0); // a token every 2 s

        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).as("empty: a token in 2 s").isCloseTo(2 * SECOND, within(10L));
        assertThat(bucket.take(SECOND / 2)).as("refused requests take nothing").isCloseTo(3 * SECOND / 2, within(10L));
        assertThat(bucket.take(2 * SECOND + 10)).as("refilled by then").isZero();
        assertThat(bucket.take(2 * SECOND + 10)).isPositive();
    }

    @Test
    void it_refills_no_further_than_its_burst_and_a_token_given_back_is_there_again() {
        TokenBucket bucket = new TokenBucket(2, 60, 0);
        bucket.take(0);
        bucket.take(0);

        assertThat(bucket.full(0)).isFalse();
        bucket.giveBack(0);
        assertThat(bucket.take(0)).as("the token given back").isZero();
        assertThat(bucket.full(10 * SECOND)).as("refilled long since").isTrue();
        assertThat(bucket.take(10 * SECOND)).isZero();
        assertThat(bucket.take(10 * SECOND)).isZero();
        assertThat(bucket.take(10 * SECOND))
                .as("never more than the burst, however long idle")
                .isPositive();
    }
}
