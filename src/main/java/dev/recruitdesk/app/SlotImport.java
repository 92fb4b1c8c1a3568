package dev.recruitdesk.app;

import dev.recruitdesk.accounts.Caller;
import dev.recruitdesk.booking.RuleViolation;
import dev.recruitdesk.booking.SlotBatch;
import dev.recruitdesk.booking.SlotCsv;
import dev.recruitdesk.booking.SlotDraft;
import dev.recruitdesk.booking.SlotRow;
import dev.recruitdesk.domain.Recruiter;
import dev.recruitdesk.domain.SlotStatus;
import dev.recruitdesk.ui.I18n;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code --import-slots FILE}: the console's CSV import from a terminal. Prints each created slot, or every bad line
 * with its number and exits 1 having created nothing. Times are in the recruiter's zone; messages are English.
 */
final class SlotImport {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private SlotImport() {
    }

    static int run(AppContext context, Path file, PrintStream out, PrintStream err) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("Cannot read " + file + ": " + e.getMessage());
            return Main.EXIT_FAILURE;
        }
        I18n i18n = new I18n(Locale.ENGLISH);
        try (Backend backend = context.openBackend()) {
            long recruiterId = backend.currentRecruiterId();
            // the command line runs as the file's sole user, like the embedded console
            Caller caller = Caller.soleUser(recruiterId, System.getProperty("user.name", "import"));
            Recruiter me = backend.recruiters().get(recruiterId);
            ZoneId zone = me.getZone();
            SlotCsv.Result parsed = SlotCsv.parse(text, zone, me.getMeetingLink());
            List<SlotBatch.Busy> busy = List.of();
            if (!parsed.slots().isEmpty()) {
                Instant min = parsed.drafts().stream().map(SlotDraft::start).min(Comparator.naturalOrder()).orElseThrow();
                Instant max = parsed.drafts().stream().map(SlotDraft::end).max(Comparator.naturalOrder()).orElseThrow();
                busy = backend.slots().list(caller, recruiterId, min.minus(Duration.ofDays(1)), max).stream()
                        .filter(r -> r.status() == SlotStatus.OPEN).map(r -> new SlotBatch.Busy(r.start(), r.end())).toList();
            }
            SlotCsv.Result result = SlotCsv.check(parsed, busy, context.clock().instant());
            if (!result.ok()) {
                for (SlotCsv.LineError e : result.errors()) {
                    String message = i18n.tr(e.messageKey(), e.args().stream().map(a -> shown(a, zone)).toArray());
                    err.println(e.line() > 0 ? "line " + e.line() + ": " + message : file + ": " + message);
                }
                err.println("Nothing was imported: " + result.errors().size() + " line(s) with errors in " + file);
                return Main.EXIT_FAILURE;
            }
            List<SlotRow> created;
            try {
                created = backend.slots().createMany(caller, recruiterId, result.drafts());
            } catch (RuleViolation v) {
                // the file was fine a moment ago; another console published an overlapping slot meanwhile
                err.println("Nothing was imported: " + i18n.tr(v.messageKey(), java.util.Arrays.stream(v.args()).map(a -> shown(a, zone)).toArray()));
                return Main.EXIT_FAILURE;
            }
            for (SlotRow row : created) {
                out.println("created " + WHEN.format(row.start().atZone(zone)) + " " + row.minutes() + " min"
                        + (row.place() == null ? "" : " " + row.place()));
            }
            out.println("Imported " + created.size() + " slot(s) from " + file + " (times in " + zone.getId() + ")");
            return 0;
        }
    }

    private static Object shown(Object arg, ZoneId zone) {
        return arg instanceof Instant i ? WHEN.format(i.atZone(zone)) : arg;
    }
}
