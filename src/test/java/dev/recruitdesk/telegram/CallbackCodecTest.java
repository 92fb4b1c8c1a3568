package dev.recruitdesk.telegram;

import dev.recruitdesk.telegram.CallbackCodec.Action;
import dev.recruitdesk.telegram.CallbackCodec.Forged;
import dev.recruitdesk.telegram.CallbackCodec.Problem;
import dev.recruitdesk.telegram.CallbackCodec.Valid;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallbackCodecTest {

    private final CallbackCodec codec = CallbackCodec.fromBase64Key(CallbackCodec.generateKey());

    @Test
    void confirmRoundTripsWithBookingAndRevision() {
        String data = codec.encode(Action.CONFIRM, 42, 3);

        assertThat(data).startsWith("v1:c:42:3:");
        Valid valid = (Valid) codec.decode(data);
        assertThat(valid.action()).isEqualTo(Action.CONFIRM);
        assertThat(valid.bookingId()).isEqualTo(42);
        assertThat(valid.revision()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Action.class)
    void everyActionRoundTripsAtRealisticMaximumsWithinSixtyFourBytes(Action action) {
        long bookingId = 1_000_000_000_000L;
        long rev = 10_000;

        String data = codec.encode(action, bookingId, rev);

        assertThat(data.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(CallbackCodec.MAX_BYTES);
        assertThat(codec.decode(data)).isEqualTo(new Valid(action, bookingId, rev));
    }

    @Test
    void slotPickingFormsRoundTrip() {
        assertThat(codec.decode(codec.encode(Action.PICK, 987_654, 2))).isEqualTo(new Valid(Action.PICK, 987_654, 2));
        long day = java.time.LocalDate.of(2026, 12, 12).toEpochDay();
        assertThat(codec.decode(codec.encode(Action.DAY, day, 1))).isEqualTo(new Valid(Action.DAY, day, 1));
        assertThat(codec.decode(codec.encode(Action.DAYS, 0, 0))).isEqualTo(new Valid(Action.DAYS, 0, 0));
    }

    @Test
    void forgedMacIsRefused() {
        String data = codec.encode(Action.CONFIRM, 42, 3);
        String mac = data.substring(data.lastIndexOf(':') + 1);
        char flipped = mac.charAt(0) == 'A' ? 'B' : 'A';

        assertThat(codec.decode(data.substring(0, data.lastIndexOf(':') + 1) + flipped + mac.substring(1)))
                .isEqualTo(new Forged(Problem.BAD_MAC));
    }

    @Test
    void tamperedBookingIdOrRevisionOrActionIsRefused() {
        String data = codec.encode(Action.CONFIRM, 42, 3);
        String mac = data.substring(data.lastIndexOf(':'));

        assertThat(codec.decode("v1:c:43:3" + mac)).isEqualTo(new Forged(Problem.BAD_MAC));
        assertThat(codec.decode("v1:c:42:4" + mac)).isEqualTo(new Forged(Problem.BAD_MAC));
        assertThat(codec.decode("v1:d:42:3" + mac)).isEqualTo(new Forged(Problem.BAD_MAC));
    }

    @Test
    void dataSignedWithAnotherKeyIsRefused() {
        CallbackCodec other = CallbackCodec.fromBase64Key(CallbackCodec.generateKey());

        assertThat(codec.decode(other.encode(Action.DECLINE, 42, 3))).isEqualTo(new Forged(Problem.BAD_MAC));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "v1", "v1:c:42:3", "v1:c:042:3:AAAAAAAAAAAAAAAAAAAAAA", "v1:c:-1:3:AAAAAAAAAAAAAAAAAAAAAA",
            "v1:c:42:3:AAAA", "v1:C:42:3:AAAAAAAAAAAAAAAAAAAAAA", "v1:c:42:3:AAAAAAAAAAAAAAAAAAAAA=", "hello", "v1:c:42:3:x:y",
            "v1:c:42:3:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void malformedDataIsRefused(String data) {
        assertThat(codec.decode(data)).isEqualTo(new Forged(Problem.MALFORMED));
    }

    @Test
    void nullAndOldSlotOnlyButtonsAreRefused() {
        assertThat(codec.decode(null)).isEqualTo(new Forged(Problem.MALFORMED));
        assertThat(codec.decode("confirm_17")).isEqualTo(new Forged(Problem.MALFORMED));
    }

    @Test
    void unknownVersionIsRefused() {
        assertThat(codec.decode("v2:c:42:3:AAAAAAAAAAAAAAAAAAAAAA")).isEqualTo(new Forged(Problem.UNKNOWN_VERSION));
    }

    @Test
    void wellSignedUnknownActionIsRefused() throws Exception {
        byte[] key = new byte[32];
        String base64 = Base64.getEncoder().encodeToString(key);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
        String body = "v1:q:42:3";
        String sig = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(java.util.Arrays.copyOf(mac.doFinal(body.getBytes(StandardCharsets.US_ASCII)), 16));

        assertThat(CallbackCodec.fromBase64Key(base64).decode(body + ":" + sig)).isEqualTo(new Forged(Problem.UNKNOWN_ACTION));
    }

    @Test
    void numbersThatCannotFitAreRefusedAtEncode() {
        assertThatThrownBy(() -> codec.encode(Action.PICK, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codec.encode(Action.DAYS, Long.MAX_VALUE, Long.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void generatedKeysAreThirtyTwoRandomBytesAndNeverShown() {
        String key = CallbackCodec.generateKey();

        assertThat(Base64.getDecoder().decode(key)).hasSize(32);
        assertThat(CallbackCodec.generateKey()).isNotEqualTo(key);
        assertThat(CallbackCodec.fromBase64Key(key).toString()).doesNotContain(key);
    }

    @Test
    void shortOrUnreadableKeysAreRefusedWithoutQuotingThem() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> CallbackCodec.fromBase64Key(shortKey)).hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> CallbackCodec.fromBase64Key("not base64 !!")).hasMessageNotContaining("not base64 !!");
    }
}
