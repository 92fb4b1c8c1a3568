package dev.recruitdesk.booking;

import dev.recruitdesk.domain.Language;
import dev.recruitdesk.reminders.InvalidInputException;
import dev.recruitdesk.reminders.TimeText;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The time zones a candidate picks from (cities, west to east) and the reading of a typed zone: an IANA id in any
 * letter case, a UTC/GMT offset ({@code UTC+3}, {@code GMT-5}, {@code +05:30}), МСК±N or a city by name.
 */
public final class ZoneChoices {

    /** A city button: its zone and its name in both languages. */
    public record City(String zoneId, String ru, String en) {
        public String name(Language language) {
            return language == Language.RU ? ru : en;
        }

        public ZoneId zone() {
            return ZoneId.of(zoneId);
        }
    }

    public static final List<City> CITIES = List.of(
            new City("Europe/Kaliningrad", "Калининград", "Kaliningrad"),
            new City("Europe/Moscow", "Москва", "Moscow"),
            new City("Europe/Samara", "Самара", "Samara"),
            new City("Asia/Yekaterinburg", "Екатеринбург", "Yekaterinburg"),
            new City("Asia/Omsk", "Омск", "Omsk"),
            new City("Asia/Novosibirsk", "Новосибирск", "Novosibirsk"),
            new City("Asia/Krasnoyarsk", "Красноярск", "Krasnoyarsk"),
            new City("Asia/Irkutsk", "Иркутск", "Irkutsk"),
            new City("Asia/Yakutsk", "Якутск", "Yakutsk"),
            new City("Asia/Vladivostok", "Владивосток", "Vladivostok"),
            new City("Asia/Almaty", "Алматы", "Almaty"),
            new City("Asia/Tbilisi", "Тбилиси", "Tbilisi"));

    private ZoneChoices() {
    }

    /** The zone a person typed (read by {@link TimeText#parseZone}, plus the cities of this list), or empty. */
    public static Optional<ZoneId> parse(String typed) {
        if (typed == null || typed.isBlank() || typed.length() > 64) {
            return Optional.empty();
        }
        String text = typed.strip();
        for (City city : CITIES) {
            if (city.ru().equalsIgnoreCase(text) || city.en().equalsIgnoreCase(text)) {
                return Optional.of(city.zone());
            }
        }
        try {
            return Optional.of(TimeText.parseZone(text));
        } catch (InvalidInputException | DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A zone as the candidate reads it at {@code at}: {@code Москва, UTC+3}, or the offset for a zone off the lists. */
    public static String describe(ZoneId zone, Instant at, Language language) {
        for (City city : CITIES) {
            if (city.zoneId().equals(zone.getId())) {
                return city.name(language) + ", " + TimeText.offsetText(zone.getRules().getOffset(at));
            }
        }
        return TimeText.zoneLabel(zone, at, language.locale());
    }
}
