package uk.trustplatform.pledges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every code issued has the badge code's form, and a text of any other form is not found without a lookup. */
class BadgeCodesTest {

    @Test
    void every_issued_code_has_the_form_a_badge_address_is_checked_against() {
        assertThat(IntStream.range(0, 200).mapToObj(i -> BadgeCodes.issue()))
                .allSatisfy(
                        code -> assertThat(BadgeCodes.couldBe(code)).as(code).isTrue())
                .doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "\u0000",
                "abcdefghijklmnopqrstu", // 21 characters
                "abcdefghijklmnopqrstuvw", // 23
                "abcdefghijklmnopqrs+/=",
                "abcdefghijklmnopqrs\u0000uv",
                "0b7e6d1c-3f55-4f0e-9a3c-4c1f4b8a2d10",
            })
    void a_text_that_cannot_be_a_badge_code_is_not_found_without_looking_anything_up(String code) {
        // No tenant directory, transactions, registrations or clock: any lookup would fail.
        PublicPledgeRegister register =
                new PublicPledgeRegister(null, null, null, null, null, "http://localhost", null);

        assertThat(register.verify("medway", code)).isEqualTo(PublicPledgeRegister.Verification.NOT_FOUND);
        assertThat(BadgeCodes.couldBe(code)).isFalse();
    }

    @Test
    void the_register_still_looks_up_a_text_of_the_right_form() {
        PublicPledgeRegister register =
                new PublicPledgeRegister(null, null, null, null, null, "http://localhost", null);
        String code = BadgeCodes.issue();

        assertThatThrownBy(() -> register.verify("medway", code))
                .as("with no tenant directory a lookup fails, so the form alone did not answer")
                .isInstanceOf(NullPointerException.class);
    }
}
