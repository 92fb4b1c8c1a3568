package dev.recruitdesk.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recruitdesk.booking.BookingFact;
import dev.recruitdesk.domain.BookingStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CSV export read back by an independent RFC 4180 reader: commas, quotes, line breaks and Cyrillic survive. */
class BookingsCsvTest {

    private static final ZoneId MSK = ZoneId.of("Europe/Moscow");

    @Test
    void roundTripsNamesWithCommasQuotesLineBreaksAndCyrillic() {
        List<String> names = List.of("Иванов, Иван", "Анна \"Аня\" Смирнова", "Пётр\nВторая строка", "plain");
        List<BookingFact> facts = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            facts.add(new BookingFact(i + 1, names.get(i), Instant.parse("2026-12-0" + (i + 1) + "T07:00:00Z"),
                    Instant.parse("2026-12-0" + (i + 1) + "T07:30:00Z"), BookingStatus.ATTENDED, Instant.parse("2026-11-20T09:00:00Z"),
                    null, null, i == 0 ? Map.of("day_before", Instant.EPOCH, "confirm_2h", Instant.EPOCH) : Map.of()));
        }
        byte[] bytes = BookingsCsv.write(List.of("Запись", "Кандидат, ФИО", "Собеседование", "Статус", "Заявка", "Одобрено",
                "Подтверждено", "Напоминания"), facts, MSK);

        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n").contains("\"Кандидат, ФИО\"");
        List<List<String>> rows = parse(text);
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0).get(1)).isEqualTo("Кандидат, ФИО");
        assertThat(rows.subList(1, 5)).extracting(r -> r.get(1)).containsExactlyElementsOf(names);
        assertThat(rows.get(1)).containsExactly("1", "Иванов, Иван", "2026-12-01 10:00", "ATTENDED", "2026-11-20 12:00", "", "",
                "confirm_2h day_before");
    }

    /** A strict RFC 4180 reader, written for this test. */
    private static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return rows;
    }
}
