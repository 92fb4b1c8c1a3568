package dev.recruitdesk.telegram;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.recruitdesk.booking.TemplateService;
import dev.recruitdesk.delivery.OutgoingMessage;
import dev.recruitdesk.delivery.SendResult;
import dev.recruitdesk.domain.Language;
import dev.recruitdesk.sandbox.FakeBotApi;
import dev.recruitdesk.store.Database;
import dev.recruitdesk.store.DatabaseSettings;
import dev.recruitdesk.telegram.CallbackCodec.Action;
import dev.recruitdesk.telegram.CallbackCodec.Valid;
import dev.recruitdesk.telegram.Keyboards.DayChoice;
import dev.recruitdesk.telegram.Keyboards.SlotChoice;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class KeyboardsTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 12);

    @TempDir
    static Path dir;
    private static Database db;
    private static CallbackCodec codec;
    private static Keyboards keyboards;

    @BeforeAll
    static void open() {
        db = Database.open(DatabaseSettings.embedded(dir));
        TemplateCatalog catalog = new TemplateCatalog();
        codec = CallbackCodec.fromBase64Key(CallbackCodec.generateKey());
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
        keyboards = new Keyboards(codec, new MessageRenderer(new TemplateService(db, clock, catalog), catalog));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void confirmDeclineCarriesSignedBookingAndRevision() {
        JsonArray row = rows(keyboards.confirmDecline(1_000_000_000_000L, 10_000, Language.RU)).get(0).getAsJsonArray();

        assertThat(text(row.get(0))).isEqualTo("✅ Подтверждаю");
        assertThat(text(row.get(1))).isEqualTo("❌ Не смогу");
        assertThat(codec.decode(data(row.get(0)))).isEqualTo(new Valid(Action.CONFIRM, 1_000_000_000_000L, 10_000));
        assertThat(codec.decode(data(row.get(1)))).isEqualTo(new Valid(Action.DECLINE, 1_000_000_000_000L, 10_000));
    }

    @Test
    void slotLabelShowsDateTimeAndLengthInTheCandidatesZone() {
        SlotChoice slot = new SlotChoice(7, Instant.parse("2026-12-12T11:30:00Z"), Duration.ofMinutes(30));

        assertThat(keyboards.slotLabel(slot, MOSCOW, Language.RU)).isEqualTo("12 дек • 14:30 • 30 мин");
        assertThat(keyboards.slotLabel(slot, ZoneId.of("Asia/Novosibirsk"), Language.EN)).isEqualTo("12 Dec • 18:30 • 30 min");
    }

    @Test
    void timeListShowsAtMostTwelveTimesWithPagingRefreshAndAnotherDay() {
        List<SlotChoice> slots = slots(30);

        JsonArray first = rows(keyboards.timeList(DAY, slots, 0, MOSCOW, Language.RU));
        List<Valid> firstPicks = picks(first);
        assertThat(firstPicks).hasSize(12);
        assertThat(firstPicks.get(0)).isEqualTo(new Valid(Action.PICK, 100, 0));
        JsonArray nav = first.get(first.size() - 2).getAsJsonArray();
        assertThat(nav).extracting(b -> codec.decode(data(b)))
                .containsExactly(new Valid(Action.DAY, DAY.toEpochDay(), 0), new Valid(Action.DAY, DAY.toEpochDay(), 1));
        assertThat(codec.decode(data(first.get(first.size() - 1).getAsJsonArray().get(0)))).isEqualTo(new Valid(Action.DAYS, 0, 0));

        JsonArray last = rows(keyboards.timeList(DAY, slots, 2, MOSCOW, Language.RU));
        assertThat(picks(last)).hasSize(6).allMatch(v -> v.arg() == 2);
        assertThat(last.get(last.size() - 2).getAsJsonArray()).extracting(b -> codec.decode(data(b)))
                .containsExactly(new Valid(Action.DAY, DAY.toEpochDay(), 1), new Valid(Action.DAY, DAY.toEpochDay(), 2));

        assertThat(rows(keyboards.timeList(DAY, slots, 9, MOSCOW, Language.RU))).isEqualTo(last);
    }

    @Test
    void dayListPagesSevenDaysWithFreeCounts() {
        List<DayChoice> days = IntStream.range(0, 10).mapToObj(i -> new DayChoice(DAY.plusDays(i), i + 1)).toList();

        JsonArray rows = rows(keyboards.dayList(days, 0, Language.RU));

        assertThat(rows).hasSize(8);
        assertThat(text(rows.get(0).getAsJsonArray().get(0))).isEqualTo("сб, 12 дек · свободно: 1");
        assertThat(codec.decode(data(rows.get(0).getAsJsonArray().get(0)))).isEqualTo(new Valid(Action.DAY, DAY.toEpochDay(), 0));
        assertThat(rows.get(7).getAsJsonArray()).extracting(b -> codec.decode(data(b)))
                .containsExactly(new Valid(Action.DAYS, 0, 0), new Valid(Action.DAYS, 1, 0));
    }

    @Test
    void everyKeyboardIsAcceptedByTheBotApi() {
        try (FakeBotApi fake = FakeBotApi.start();
             BotGateway gateway = new BotGateway(fake.validToken(), fake.apiUrl(), Duration.ofSeconds(2), Duration.ofSeconds(5))) {
            List<String> markups = new ArrayList<>(List.of(
                    keyboards.confirmDecline(1_000_000_000_000L, 10_000, Language.RU),
                    keyboards.joinLink("https://meet.example/abc", Language.EN),
                    keyboards.dayList(List.of(new DayChoice(DAY, 3)), 0, Language.EN),
                    keyboards.timeList(DAY, slots(13), 1, MOSCOW, Language.RU)));

            for (String markup : markups) {
                SendResult result = gateway.send(new OutgoingMessage(501, "x", null, markup));
                assertThat(result.outcome()).as(markup).isEqualTo(SendResult.Outcome.SENT);
            }
            assertThat(JsonParser.parseString(fake.messagesTo(501).get(0).replyMarkupJson()))
                    .isEqualTo(JsonParser.parseString(markups.get(0)));
        }
    }

    private static List<SlotChoice> slots(int n) {
        Instant first = DAY.atTime(9, 0).atZone(MOSCOW).toInstant();
        return IntStream.range(0, n)
                .mapToObj(i -> new SlotChoice(100 + i, first.plus(Duration.ofMinutes(20L * i)), Duration.ofMinutes(20)))
                .toList();
    }

    private List<Valid> picks(JsonArray rows) {
        List<Valid> picks = new ArrayList<>();
        for (JsonElement row : rows) {
            for (JsonElement b : row.getAsJsonArray()) {
                if (codec.decode(data(b)) instanceof Valid v && v.action() == Action.PICK) {
                    picks.add(v);
                }
            }
        }
        return picks;
    }

    private static JsonArray rows(String markup) {
        return JsonParser.parseString(markup).getAsJsonObject().getAsJsonArray("inline_keyboard");
    }

    private static String text(JsonElement button) {
        return button.getAsJsonObject().get("text").getAsString();
    }

    private static String data(JsonElement button) {
        JsonObject b = button.getAsJsonObject();
        return b.has("callback_data") ? b.get("callback_data").getAsString() : null;
    }
}
