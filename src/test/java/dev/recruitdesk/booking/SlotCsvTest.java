package dev.recruitdesk.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotCsvTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    /** Tuesday 1 December 2026, 12:00 Moscow. */
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    private static SlotCsv.Result read(String text, List<SlotBatch.Busy> existing) {
        return SlotCsv.read(text, MOSCOW, "https://meet.example/default", existing, NOW);
    }

    @Test
    void commaFileWithHeaderBomAndQuotedPlaceWithCommas() {
        SlotCsv.Result r = read("\uFEFFdate,time,duration,place_or_link\r\n"
                + "2026-12-07,10:00,30,\"Office, room 3\"\r\n"
                + "\r\n"
                + "2026-12-07,9:15,45,\r\n"
                + "08.12.2026,10:00,60,\"He said \"\"hi\"\"\"\r\n", List.of());

        assertThat(r.errors()).isEmpty();
        assertThat(r.slots()).extracting(SlotCsv.Line::number).containsExactly(2, 4, 5);
        assertThat(r.slots().get(0).draft().start()).isEqualTo(Instant.parse("2026-12-07T07:00:00Z"));
        assertThat(r.slots().get(0).draft().place()).isEqualTo("Office, room 3");
        assertThat(r.slots().get(1).draft().duration()).isEqualTo(Duration.ofMinutes(45));
        assertThat(r.slots().get(1).draft().place()).isEqualTo("https://meet.example/default");
        assertThat(r.slots().get(2).draft().place()).isEqualTo("He said \"hi\"");
        assertThat(r.ok()).isTrue();
    }

    @Test
    void semicolonFileWithoutHeaderKeepsUnquotedCommasInThePlace() {
        SlotCsv.Result r = read("2026-12-07;10:00;30;Office, room 3\n2026-12-07;11:00;30\n", List.of());
        assertThat(r.errors()).isEmpty();
        assertThat(r.slots()).extracting(l -> l.draft().place()).containsExactly("Office, room 3", "https://meet.example/default");
    }

    @Test
    void everyBadLineIsReportedWithItsNumber() {
        SlotCsv.Result r = read(String.join("\n",
                "date,time,duration,place",
                "2026-13-07,10:00,30,x",
                "2026-12-07,25:00,30,x",
                "2026-12-07,10:00,abc,x",
                "2026-12-07,10:00,3,x",
                "2026-11-30,10:00,30,x",
                "2026-12-07,10:00,30,x",
                "2026-12-07,10:15,30,x",
                "2026-12-08,10:00,30,x",
                "2026-12-09,10:00,30,Office, room 3",
                "2026-12-09,\"10:00,30",
                "2026-12-09"), List.of(new SlotBatch.Busy(Instant.parse("2026-12-08T06:30:00Z"), Instant.parse("2026-12-08T07:15:00Z"))));

        assertThat(r.errors()).extracting(SlotCsv.LineError::line, SlotCsv.LineError::messageKey).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "csv.error.date"),
                org.assertj.core.groups.Tuple.tuple(3, "csv.error.time"),
                org.assertj.core.groups.Tuple.tuple(4, "csv.error.duration"),
                org.assertj.core.groups.Tuple.tuple(5, "csv.error.duration"),
                org.assertj.core.groups.Tuple.tuple(6, "csv.error.past"),
                org.assertj.core.groups.Tuple.tuple(8, "csv.error.overlapLine"),
                org.assertj.core.groups.Tuple.tuple(9, "csv.error.overlap"),
                org.assertj.core.groups.Tuple.tuple(10, "csv.error.manyFields"),
                org.assertj.core.groups.Tuple.tuple(11, "csv.error.quote"),
                org.assertj.core.groups.Tuple.tuple(12, "csv.error.fewFields"));
        assertThat(r.errors().get(5).args()).containsExactly(7);
        assertThat(r.slots()).extracting(SlotCsv.Line::number).containsExactly(7);
        assertThat(r.ok()).isFalse();
    }

    @Test
    void aTimeTheClockSkipsIsAnErrorAndAnEmptyFileSaysSo() {
        SlotCsv.Result r = SlotCsv.read("2027-03-28,02:30,30,x\n", ZoneId.of("Europe/Berlin"), null, List.of(), NOW);
        assertThat(r.errors()).extracting(SlotCsv.LineError::messageKey).containsExactly("csv.error.noSuchTime");
        assertThat(read("date,time,duration,place\n\n", List.of()).errors())
                .extracting(SlotCsv.LineError::messageKey).containsExactly("csv.error.empty");
    }
}
