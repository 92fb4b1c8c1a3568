package dev.recruitdesk.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeTextTest {

    static final Locale RU = Locale.forLanguageTag("ru");
    static final Instant DEC_12_0730Z = Instant.parse("2026-12-12T07:30:00Z");

    @Test
    void knownZonesAreNamedByCityInTheRecipientsLanguage() {
        ZoneId nsk = ZoneId.of("Asia/Novosibirsk");
        assertThat(TimeText.format(DEC_12_0730Z, nsk, RU)).isEqualTo("12 дек, 14:30 (Новосибирск, UTC+7)");
        assertThat(TimeText.format(DEC_12_0730Z, nsk, Locale.ENGLISH)).isEqualTo("12 Dec, 14:30 (Novosibirsk, UTC+7)");
        assertThat(TimeText.format(DEC_12_0730Z, ZoneId.of("Europe/Moscow"), RU)).isEqualTo("12 дек, 10:30 (Москва, UTC+3)");
        assertThat(TimeText.format(Instant.parse("2026-05-03T06:05:00Z"), ZoneId.of("Europe/Kaliningrad"), RU))
                .isEqualTo("3 мая, 08:05 (Калининград, UTC+2)");
    }

    @Test
    void otherZonesShowTheirOffsetAtThatInstant() {
        assertThat(TimeText.format(DEC_12_0730Z, ZoneId.of("America/Sao_Paulo"), Locale.ENGLISH)).isEqualTo("12 Dec, 04:30 (UTC-3)");
        assertThat(TimeText.format(DEC_12_0730Z, ZoneId.of("Asia/Kolkata"), RU)).isEqualTo("12 дек, 13:00 (UTC+5:30)");
        assertThat(TimeText.format(DEC_12_0730Z, ZoneOffset.UTC, RU)).isEqualTo("12 дек, 07:30 (UTC)");
        assertThat(TimeText.format(DEC_12_0730Z, TimeText.parseZone("UTC+7"), Locale.ENGLISH)).isEqualTo("12 Dec, 14:30 (UTC+7)");
    }

    @Test
    void berlinShowsSummerAndWinterOffsets() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertThat(TimeText.format(Instant.parse("2026-03-29T07:00:00Z"), berlin, Locale.ENGLISH)).isEqualTo("29 Mar, 09:00 (Berlin, UTC+2)");
        assertThat(TimeText.format(Instant.parse("2026-10-25T08:00:00Z"), berlin, RU)).isEqualTo("25 окт, 09:00 (Берлин, UTC+1)");
    }

    @ParameterizedTest
    @CsvSource({
            "Europe/Moscow, Europe/Moscow",
            "asia/novosibirsk, Asia/Novosibirsk",
            "  America/New_York , America/New_York",
            "Москва, Europe/Moscow",
            "москва, Europe/Moscow",
            "Санкт-Петербург, Europe/Moscow",
            "Питер, Europe/Moscow",
            "Екатеринбург, Asia/Yekaterinburg",
            "Новосибирск, Asia/Novosibirsk",
            "Novosibirsk, Asia/Novosibirsk",
            "Владивосток, Asia/Vladivostok",
            "Калининград, Europe/Kaliningrad",
            "Самара, Europe/Samara",
            "Омск, Asia/Omsk",
            "Красноярск, Asia/Krasnoyarsk",
            "Иркутск, Asia/Irkutsk",
            "Якутск, Asia/Yakutsk",
            "Хабаровск, Asia/Vladivostok",
            "Петропавловск-Камчатский, Asia/Kamchatka",
            "UTC+3, UTC+03:00",
            "utc+3, UTC+03:00",
            "GMT-5, UTC-05:00",
            "+03:00, UTC+03:00",
            "+5:30, UTC+05:30",
            "UTC−3, UTC-03:00",
            "МСК+4, UTC+07:00",
            "МСК, Europe/Moscow",
            "UTC, Z",
            "GMT+0, Z",
    })
    void readsZonesAsPeopleTypeThem(String input, String expected) {
        assertThat(TimeText.parseZone(input).getId()).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void refusesNothing(String input) {
        assertThatThrownBy(() -> TimeText.parseZone(input)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Enter a time zone")
                .satisfies(e -> assertThat(((InvalidInputException) e).messageKey()).isEqualTo("zone.error.empty"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mars/Olympus", "Мордор", "3", "UTC+", "Europe/"})
    void refusesUnknownZones(String input) {
        assertThatThrownBy(() -> TimeText.parseZone(input)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Unknown time zone '" + input.strip() + "'")
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("zone"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTC+15", "GMT-13", "+3:20", "+03:75", "МСК+12"})
    void refusesOffsetsNoPlaceUses(String input) {
        assertThatThrownBy(() -> TimeText.parseZone(input)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is not a real one")
                .satisfies(e -> assertThat(((InvalidInputException) e).messageKey()).isEqualTo("zone.error.offsetRange"));
    }

    @Test
    void parsedZonesSurviveStorageAsTheirId() {
        for (String input : new String[] {"UTC+3", "Новосибирск", "+5:30", "UTC"}) {
            ZoneId zone = TimeText.parseZone(input);
            assertThat(ZoneId.of(zone.getId())).isEqualTo(zone);
        }
    }
}
