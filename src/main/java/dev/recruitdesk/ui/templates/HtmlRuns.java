package dev.recruitdesk.ui.templates;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits Telegram HTML into styled runs of plain text, as a chat client shows them: bold, italic, underline,
 * strike-through, monospace, spoiler and links; entities decoded. Unknown or broken markup is shown as typed, so
 * the preview never hides a mistake.
 */
public final class HtmlRuns {

    /** One piece of text with one style. */
    public record Run(String text, boolean bold, boolean italic, boolean underline, boolean strike, boolean code,
                      boolean spoiler, boolean quote, String link) {
    }

    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\\s+[^<>]*)?)>");
    private static final Pattern HREF = Pattern.compile("href\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern ENTITY = Pattern.compile("&(lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});");

    private HtmlRuns() {
    }

    public static List<Run> parse(String html) {
        List<Run> runs = new ArrayList<>();
        Deque<String[]> open = new ArrayDeque<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            Matcher tag = TAG.matcher(html).region(i, html.length());
            if (c == '<' && tag.lookingAt()) {
                flush(runs, text, open);
                String name = tag.group(2).toLowerCase(Locale.ROOT);
                if (tag.group(1).isEmpty()) {
                    Matcher href = HREF.matcher(tag.group(3));
                    open.push(new String[] {name, href.find() ? decode(href.group(1)) : null});
                } else if (!open.isEmpty() && open.peek()[0].equals(name)) {
                    open.pop();
                }
                i = tag.end();
                continue;
            }
            Matcher entity = ENTITY.matcher(html).region(i, html.length());
            if (c == '&' && entity.lookingAt()) {
                text.append(decode(entity.group()));
                i = entity.end();
                continue;
            }
            text.append(c);
            i++;
        }
        flush(runs, text, open);
        return runs;
    }

    private static void flush(List<Run> runs, StringBuilder text, Deque<String[]> open) {
        if (text.length() == 0) {
            return;
        }
        boolean bold = false;
        boolean italic = false;
        boolean underline = false;
        boolean strike = false;
        boolean code = false;
        boolean spoiler = false;
        boolean quote = false;
        String link = null;
        for (String[] t : open) {
            switch (t[0]) {
                case "b", "strong" -> bold = true;
                case "i", "em" -> italic = true;
                case "u", "ins" -> underline = true;
                case "s", "strike", "del" -> strike = true;
                case "code", "pre" -> code = true;
                case "tg-spoiler", "span" -> spoiler = true;
                case "blockquote" -> quote = true;
                case "a" -> link = link == null ? t[1] : link;
                default -> { }
            }
        }
        runs.add(new Run(text.toString(), bold, italic, underline, strike, code, spoiler, quote, link));
        text.setLength(0);
    }

    static String decode(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String r = switch (e) {
                case "lt" -> "<";
                case "gt" -> ">";
                case "amp" -> "&";
                case "quot" -> "\"";
                default -> new String(Character.toChars(e.startsWith("#x")
                        ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1))));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(r));
        }
        m.appendTail(out);
        return out.toString();
    }
}
