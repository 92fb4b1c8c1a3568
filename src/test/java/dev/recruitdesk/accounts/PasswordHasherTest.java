package dev.recruitdesk.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The production hasher: BCrypt at cost 12, salted, and refusing what BCrypt would silently cut. */
class PasswordHasherTest {

    @Test
    void productionHashesAreCost12SaltedAndVerify() {
        PasswordHasher hasher = new PasswordHasher();

        String first = hasher.hash("correct horse battery");
        String second = hasher.hash("correct horse battery");

        assertThat(first).startsWith("$2b$12$").hasSize(60).isNotEqualTo(second).doesNotContain("correct horse battery");
        assertThat(hasher.matches("correct horse battery", first)).isTrue();
        assertThat(hasher.matches("correct horse battery", second)).isTrue();
        assertThat(hasher.matches("correct horse batterY", first)).isFalse();
        assertThat(hasher.matchesNothing("correct horse battery")).isFalse();
    }

    @Test
    void passwordsLongerThanBcryptReadsAreRefusedNotCut() {
        PasswordHasher hasher = new PasswordHasher(4);
        String seventyTwo = "x".repeat(PasswordHasher.MAX_BYTES);
        String hash = hasher.hash(seventyTwo);

        assertThatThrownBy(() -> hasher.hash(seventyTwo + "y")).isInstanceOf(IllegalArgumentException.class);
        assertThat(hasher.matches(seventyTwo + "y", hash)).isFalse();
        assertThat(hasher.matches(seventyTwo, hash)).isTrue();
    }
}
