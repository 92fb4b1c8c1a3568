package dev.recruitdesk.booking;

import dev.recruitdesk.domain.Language;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time zones a candidate picks from (cities, west to east) and the reading of a typed zone: an IANA id in any
 * letter case, a UTC/GMT offset ({@code UTC+3}, {@code GMT-5}, {@code +05:30}) or one of the cities by name.
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

    private static final Pattern OFFSET = Pattern.compile("(?:UTC|GMT)?\\s*([+-−])\\s*(\\d{1,2})(?::?(\\d{2}))?");

    private ZoneChoices() {
    }

    /** The zone a person typed, or empty when it is none of the accepted forms (or an offset beyond ±14:00). */
    public static Optional<ZoneId> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String text = typed.strip();
        if (text.isEmpty() || text.length() > 64) {
            return Optional.empty();
        }
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.equals("UTC") || upper.equals("GMT") || upper.equals("Z")) {
            return Optional.of(ZoneOffset.UTC);
        }
        Matcher m = OFFSET.matcher(upper);
        if (m.matches()) {
            int hours = Integer.parseInt(m.group(2));
            int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            int sign = m.group(1).equals("+") ? 1 : -1;
            try {
                return minutes >= 60 ? Optional.empty() : Optional.of(ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
        for (City city : CITIES) {
            if (city.ru().equalsIgnoreCase(text) || city.en().equalsIgnoreCase(text)) {
                return Optional.of(city.zone());
            }
        }
        if (text.contains("/")) {
            for (String id : ZoneId.getAvailableZoneIds()) {
                if (id.equalsIgnoreCase(text)) {
                    return Optional.of(ZoneId.of(id));
                }
            }
        }
        return Optional.empty();
    }

    /** A zone as the candidate reads it: the city of the list, else the id (with its current offset for ids). */
    public static String describe(ZoneId zone, Language language) {
        for (City city : CITIES) {
            if (city.zoneId().equals(zone.getId())) {
                return city.name(language);
            }
        }
        if (zone instanceof ZoneOffset offset) {
            return "UTC" + (offset.getTotalSeconds() == 0 ? "" : offset.getId());
        }
        return zone.getId();
    }
}
