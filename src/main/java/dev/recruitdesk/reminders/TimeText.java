package dev.recruitdesk.reminders;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times as messages show them, in the recipient's zone with the zone named: {@code 12 дек, 14:30 (Новосибирск, UTC+7)}
 * or {@code 12 Dec, 14:30 (Novosibirsk, UTC+7)}. Zones of a small known list are named by city, any other by its
 * offset at that instant alone ({@code 12 Dec, 14:30 (UTC-3)}). Also reads a time zone as a candidate types it.
 */
public final class TimeText {

    private static final String[] MONTHS_RU = {"янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"};
    private static final String[] MONTHS_EN = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    /** Zone id → {Russian name, English name}, for zones candidates and recruiters mostly live in. */
    private static final Map<String, String[]> CITY_NAMES = new HashMap<>();
    /** Lower-cased city name (Russian or English, ё as е) → zone id, for parsing. */
    private static final Map<String, String> CITY_ZONES = new LinkedHashMap<>();
    private static final Map<String, String> AVAILABLE_BY_LOWER = new TreeMap<>();

    private static final Pattern OFFSET = Pattern.compile(
            "(?:(utc|gmt|мск|msk)\\s*)?([+-])\\s*(\\d{1,2})(?::?(\\d{2}))?");

    static {
        city("Europe/Moscow", "Москва", "Moscow", "мск", "msk", "Воронеж", "Ростов-на-Дону", "Краснодар", "Сочи", "Нижний Новгород",
                "Казань", "Ярославль", "Тула", "Rostov-on-Don", "Kazan", "Nizhny Novgorod");
        city("Europe/Moscow", "Санкт-Петербург", "Saint Petersburg", "Петербург", "Питер", "СПб", "спб", "St Petersburg");
        city("Europe/Kaliningrad", "Калининград", "Kaliningrad");
        city("Europe/Samara", "Самара", "Samara", "Ижевск");
        city("Europe/Volgograd", "Волгоград", "Volgograd");
        city("Europe/Saratov", "Саратов", "Saratov");
        city("Europe/Ulyanovsk", "Ульяновск", "Ulyanovsk");
        city("Europe/Astrakhan", "Астрахань", "Astrakhan");
        city("Asia/Yekaterinburg", "Екатеринбург", "Yekaterinburg", "Челябинск", "Тюмень", "Пермь", "Уфа", "Ekaterinburg");
        city("Asia/Omsk", "Омск", "Omsk");
        city("Asia/Novosibirsk", "Новосибирск", "Novosibirsk");
        city("Asia/Barnaul", "Барнаул", "Barnaul");
        city("Asia/Tomsk", "Томск", "Tomsk");
        city("Asia/Novokuznetsk", "Новокузнецк", "Novokuznetsk", "Кемерово");
        city("Asia/Krasnoyarsk", "Красноярск", "Krasnoyarsk");
        city("Asia/Irkutsk", "Иркутск", "Irkutsk");
        city("Asia/Chita", "Чита", "Chita");
        city("Asia/Yakutsk", "Якутск", "Yakutsk");
        city("Asia/Vladivostok", "Владивосток", "Vladivostok", "Хабаровск", "Khabarovsk");
        city("Asia/Magadan", "Магадан", "Magadan");
        city("Asia/Sakhalin", "Южно-Сахалинск", "Yuzhno-Sakhalinsk", "Сахалин");
        city("Asia/Kamchatka", "Петропавловск-Камчатский", "Petropavlovsk-Kamchatsky", "Камчатка");
        city("Europe/Minsk", "Минск", "Minsk");
        city("Asia/Almaty", "Алматы", "Almaty");
        city("Asia/Tashkent", "Ташкент", "Tashkent");
        city("Asia/Bishkek", "Бишкек", "Bishkek");
        city("Asia/Tbilisi", "Тбилиси", "Tbilisi");
        city("Asia/Yerevan", "Ереван", "Yerevan");
        city("Asia/Baku", "Баку", "Baku");
        city("Europe/Istanbul", "Стамбул", "Istanbul");
        city("Asia/Dubai", "Дубай", "Dubai");
        city("Europe/Berlin", "Берлин", "Berlin");
        city("Europe/London", "Лондон", "London");
        city("America/New_York", "Нью-Йорк", "New York");
        for (String id : ZoneId.getAvailableZoneIds()) {
            AVAILABLE_BY_LOWER.put(id.toLowerCase(Locale.ROOT), id);
        }
    }

    private TimeText() {
    }

    /**
     * Registers a zone's display names (the first two) and, for parsing, those and any further aliases. Only the
     * first registration of a zone names it.
     */
    private static void city(String zoneId, String russian, String english, String... aliases) {
        CITY_NAMES.putIfAbsent(zoneId, new String[] {russian, english});
        CITY_ZONES.putIfAbsent(normalise(russian), zoneId);
        CITY_ZONES.putIfAbsent(normalise(english), zoneId);
        for (String alias : aliases) {
            CITY_ZONES.putIfAbsent(normalise(alias), zoneId);
        }
    }

    /** {@code 12 дек, 14:30 (Новосибирск, UTC+7)}; Russian for a Russian locale, English otherwise. */
    public static String format(Instant instant, ZoneId zone, Locale locale) {
        ZonedDateTime t = instant.atZone(zone);
        String month = (russian(locale) ? MONTHS_RU : MONTHS_EN)[t.getMonthValue() - 1];
        // by hand, not String.format: every reminder of a large approval batch renders several of these
        return t.getDayOfMonth() + " " + month + ", " + twoDigits(t.getHour()) + ":" + twoDigits(t.getMinute())
                + " (" + zoneLabel(zone, instant, locale) + ")";
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    /** {@code Новосибирск, UTC+7} for a known zone, {@code UTC+7} (the offset at that instant) for any other. */
    public static String zoneLabel(ZoneId zone, Instant at, Locale locale) {
        String offset = offsetText(zone.getRules().getOffset(at));
        String[] names = CITY_NAMES.get(zone.getId());
        return names == null ? offset : names[russian(locale) ? 0 : 1] + ", " + offset;
    }

    /** {@code UTC+7}, {@code UTC-3}, {@code UTC+5:30}, {@code UTC}. */
    public static String offsetText(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        if (seconds == 0) {
            return "UTC";
        }
        int abs = Math.abs(seconds);
        int hours = abs / 3600;
        int minutes = abs % 3600 / 60;
        return "UTC" + (seconds < 0 ? "-" : "+") + hours + (minutes == 0 ? "" : String.format(Locale.ROOT, ":%02d", minutes));
    }

    /**
     * Reads a time zone as typed by a person: an IANA id in any letter case ({@code Asia/Novosibirsk}), an offset
     * ({@code UTC+3}, {@code GMT-5}, {@code +03:00}, {@code +5:30}), Moscow-relative ({@code МСК+4}), or a city of the
     * known list in Russian or English ({@code Новосибирск}, {@code novosibirsk}). Offsets give fixed zones
     * ({@code UTC+03:00}), which have no daylight saving; prefer a city or an id where it matters.
     *
     * @throws InvalidInputException (field {@code zone}) for blank, unknown or out-of-range input
     */
    public static ZoneId parseZone(String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidInputException("zone", "zone.error.empty",
                    "Enter a time zone: a city (e.g. Москва), an offset like UTC+3, or an id like Europe/Moscow");
        }
        String text = input.strip().replace('−', '-').replace('–', '-');
        String lower = normalise(text);
        String cityZone = CITY_ZONES.get(lower);
        if (cityZone != null) {
            return ZoneId.of(cityZone);
        }
        String known = AVAILABLE_BY_LOWER.get(text.toLowerCase(Locale.ROOT));
        if (known != null && text.contains("/")) {
            return ZoneId.of(known);
        }
        if (lower.equals("utc") || lower.equals("gmt") || lower.equals("z")) {
            return ZoneOffset.UTC;
        }
        Matcher m = OFFSET.matcher(lower);
        if (m.matches()) {
            return offsetZone(m, input);
        }
        if (known != null) {
            return ZoneId.of(known);
        }
        throw new InvalidInputException("zone", "zone.error.unknown",
                "Unknown time zone '" + input.strip() + "': enter a city (e.g. Москва), an offset like UTC+3, or an id like Europe/Moscow",
                input.strip());
    }

    private static ZoneId offsetZone(Matcher m, String input) {
        int sign = m.group(2).equals("-") ? -1 : 1;
        int hours = Integer.parseInt(m.group(3));
        int minutes = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        boolean moscow = m.group(1) != null && (m.group(1).equals("мск") || m.group(1).equals("msk"));
        int total = sign * (hours * 3600 + minutes * 60) + (moscow ? 3 * 3600 : 0);
        if (minutes >= 60 || total < -12 * 3600 || total > 14 * 3600 || total % 900 != 0) {
            throw new InvalidInputException("zone", "zone.error.offsetRange",
                    "The offset in '" + input.strip() + "' is not a real one: UTC-12 to UTC+14 in steps of 15 minutes", input.strip());
        }
        if (total == 0) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.ofOffset("UTC", ZoneOffset.ofTotalSeconds(total));
        } catch (DateTimeException e) {
            throw new InvalidInputException("zone", "zone.error.offsetRange", e.getMessage(), input.strip());
        }
    }


    private static String normalise(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("\\s+", " ");
    }

    private static boolean russian(Locale locale) {
        return locale != null && "ru".equals(locale.getLanguage());
    }
}
