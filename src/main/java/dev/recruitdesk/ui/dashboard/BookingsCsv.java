package dev.recruitdesk.ui.dashboard;

import dev.recruitdesk.booking.BookingFact;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Bookings as CSV for spreadsheets: RFC 4180 (comma separated, CRLF line ends, fields with a comma, quote or line
 * break quoted and inner quotes doubled), UTF-8 with a byte-order mark so Excel reads Cyrillic correctly.
 */
public final class BookingsCsv {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private BookingsCsv() {
    }

    /** The file's bytes: BOM, a header row, one row per booking; times in {@code zone}. */
    public static byte[] write(List<String> header, List<BookingFact> bookings, ZoneId zone) {
        StringBuilder out = new StringBuilder();
        row(out, header);
        for (BookingFact b : bookings) {
            row(out, List.of(String.valueOf(b.bookingId()), b.candidateName(), time(b.slotStart(), zone), b.status().name(),
                    time(b.requestedAt(), zone), time(b.approvedAt(), zone), time(b.confirmedAt(), zone),
                    String.join(" ", b.remindersSent().keySet().stream().sorted().toList())));
        }
        byte[] body = out.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, all, 0, BOM.length);
        System.arraycopy(body, 0, all, BOM.length, body.length);
        return all;
    }

    /** One field, quoted when it must be. */
    static String field(String value) {
        String v = value == null ? "" : value;
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    private static void row(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
    }

    private static String time(Instant t, ZoneId zone) {
        return t == null ? "" : DATE_TIME.format(t.atZone(zone));
    }
}
