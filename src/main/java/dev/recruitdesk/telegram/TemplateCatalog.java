package dev.recruitdesk.telegram;

import dev.recruitdesk.booking.TemplateProblem;
import dev.recruitdesk.booking.TemplateRules;
import dev.recruitdesk.domain.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Telegram rules for templates: the keys ({@link TemplateKey}), the built-in texts of
 * {@code templates_<lang>.properties}, the HTML subset Telegram accepts, and the length limits, checked with
 * every placeholder at its longest. Immutable; loads the bundles once.
 */
public final class TemplateCatalog implements TemplateRules {

    /** Telegram's limit of a message text after entity parsing. */
    public static final int MAX_MESSAGE_LENGTH = 4096;
    /** Telegram's limit of an answerCallbackQuery text. */
    public static final int MAX_TOAST_LENGTH = 200;
    /** Our limit of a button label template (Telegram truncates long labels on screen). */
    public static final int MAX_BUTTON_LENGTH = 64;

    /** The longest value each placeholder can take; longer values are cut when rendered, so checks hold. */
    static final Map<String, Integer> MAX_VALUE_LENGTH = Map.ofEntries(
            Map.entry("candidate_name", 200),
            Map.entry("recruiter_name", 200),
            Map.entry("zone", 64),
            Map.entry("slot_date", 32),
            Map.entry("slot_time", 96),
            Map.entry("slot_clock", 8),
            Map.entry("slot_duration", 16),
            Map.entry("place", 500),
            Map.entry("join_link", 500),
            Map.entry("reason", 1000),
            Map.entry("message", 3000),
            Map.entry("status", 40),
            Map.entry("max_length", 6),
            Map.entry("count", 4),
            Map.entry("cutoff", 16));

    static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z0-9_]+)\\}");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\\s+[^<>]*)?)>");
    private static final Pattern ENTITY = Pattern.compile("&(lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});");
    private static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del",
            "span", "tg-spoiler", "a", "code", "pre", "blockquote", "tg-emoji");

    private final Map<Language, Map<TemplateKey, String>> defaults = new EnumMap<>(Language.class);

    public TemplateCatalog() {
        for (Language language : Language.values()) {
            defaults.put(language, load(language));
        }
    }

    private static Map<TemplateKey, String> load(Language language) {
        String name = "templates_" + language.code() + ".properties";
        Properties p = new Properties();
        try (InputStream in = TemplateCatalog.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name + " next to " + TemplateCatalog.class.getName());
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
        Map<TemplateKey, String> texts = new EnumMap<>(TemplateKey.class);
        for (String id : p.stringPropertyNames()) {
            TemplateKey key = TemplateKey.ofId(id);
            if (key != null) {
                texts.put(key, p.getProperty(id));
            }
        }
        return texts;
    }

    /** The bundle's keys that no {@link TemplateKey} names (a typo in a bundle); for the completeness test. */
    static Set<String> bundleIds(Language language) {
        Properties p = new Properties();
        try (InputStream in = TemplateCatalog.class.getResourceAsStream("templates_" + language.code() + ".properties");
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.stringPropertyNames();
    }

    @Override
    public Set<String> keys() {
        Set<String> ids = new LinkedHashSet<>();
        for (TemplateKey k : TemplateKey.values()) {
            ids.add(k.id());
        }
        return ids;
    }

    @Override
    public Optional<String> defaultText(String key, Language language) {
        TemplateKey k = TemplateKey.ofId(key);
        return k == null ? Optional.empty() : Optional.ofNullable(defaults.get(language).get(k));
    }

    public String defaultText(TemplateKey key, Language language) {
        String text = defaults.get(language).get(key);
        return text != null ? text : defaults.get(Language.RU).get(key);
    }

    @Override
    public List<TemplateProblem> check(String key, Language language, String text) {
        List<TemplateProblem> problems = new ArrayList<>();
        TemplateKey k = TemplateKey.ofId(key);
        if (k == null) {
            problems.add(new TemplateProblem(TemplateProblem.Kind.UNKNOWN_KEY, key));
            return problems;
        }
        if (text == null || text.isBlank()) {
            problems.add(new TemplateProblem(TemplateProblem.Kind.EMPTY, key));
            return problems;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        Set<String> unknown = new LinkedHashSet<>();
        while (m.find()) {
            if (!k.placeholders().contains(m.group(1))) {
                unknown.add(m.group(1));
            }
        }
        unknown.forEach(p -> problems.add(new TemplateProblem(TemplateProblem.Kind.UNKNOWN_PLACEHOLDER,
                "{" + p + "} (allowed: " + allowed(k) + ")")));
        switch (k.kind()) {
            case MESSAGE: {
                String markupProblem = markupProblem(text);
                if (markupProblem != null) {
                    problems.add(new TemplateProblem(TemplateProblem.Kind.BAD_MARKUP, markupProblem));
                } else if (unknown.isEmpty()) {
                    int longest = visibleLength(fill(k, text, longestSamples(k), true));
                    if (longest > MAX_MESSAGE_LENGTH) {
                        problems.add(new TemplateProblem(TemplateProblem.Kind.TOO_LONG,
                                longest + " characters with the longest values, over " + MAX_MESSAGE_LENGTH));
                    }
                }
                break;
            }
            case TOAST:
                if (text.length() > MAX_TOAST_LENGTH) {
                    problems.add(new TemplateProblem(TemplateProblem.Kind.TOO_LONG, text.length() + " characters, over " + MAX_TOAST_LENGTH));
                }
                break;
            case BUTTON:
            default:
                if (text.length() > MAX_BUTTON_LENGTH) {
                    problems.add(new TemplateProblem(TemplateProblem.Kind.TOO_LONG, text.length() + " characters, over " + MAX_BUTTON_LENGTH));
                }
                break;
        }
        return problems;
    }

    private static String allowed(TemplateKey k) {
        return k.placeholders().isEmpty() ? "none" : String.join(", ", new TreeSet<>(k.placeholders()));
    }

    private static Map<String, String> longestSamples(TemplateKey k) {
        Map<String, String> values = new HashMap<>();
        for (String p : k.placeholders()) {
            values.put(p, "Ж".repeat(MAX_VALUE_LENGTH.getOrDefault(p, 100)));
        }
        return values;
    }

    /**
     * Fills the placeholders of {@code text}: values cut to their longest allowed length, HTML-escaped when
     * {@code html}. A line whose placeholders all came out empty is dropped (no "📍 " without a place).
     */
    static String fill(TemplateKey key, String text, Map<String, String> values, boolean html) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        boolean first = true;
        for (String line : text.split("\n", -1)) {
            Matcher m = PLACEHOLDER.matcher(line);
            StringBuilder filled = new StringBuilder();
            boolean anyPlaceholder = false;
            boolean anyValue = false;
            while (m.find()) {
                String name = m.group(1);
                String replacement;
                if (key.placeholders().contains(name)) {
                    anyPlaceholder = true;
                    String value = cut(name, values.get(name));
                    anyValue |= !value.isEmpty();
                    replacement = html ? escapeHtml(value) : value;
                } else {
                    replacement = m.group();
                }
                m.appendReplacement(filled, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(filled);
            if (anyPlaceholder && !anyValue) {
                continue;
            }
            if (!first) {
                out.append('\n');
            }
            first = false;
            out.append(filled);
        }
        return out.toString();
    }

    private static String cut(String placeholder, String value) {
        if (value == null) {
            return "";
        }
        int max = MAX_VALUE_LENGTH.getOrDefault(placeholder, 100);
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    /** Escapes the characters Telegram HTML gives meaning to: {@code & < > "}. */
    public static String escapeHtml(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The length Telegram counts: tags removed, entities decoded, in UTF-16 units. */
    static int visibleLength(String html) {
        String noTags = TAG.matcher(html).replaceAll("");
        Matcher m = ENTITY.matcher(noTags);
        int length = noTags.length();
        while (m.find()) {
            length -= m.group().length() - 1;
        }
        return length;
    }

    /** The first reason Telegram would refuse {@code text} as HTML, or {@code null}. */
    static String markupProblem(String text) {
        Deque<String> open = new ArrayDeque<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '<') {
                Matcher m = TAG.matcher(text).region(i, text.length());
                if (!m.lookingAt()) {
                    return "a bare '<' at " + i + " (write &lt;)";
                }
                String name = m.group(2).toLowerCase(Locale.ROOT);
                if (!TAGS.contains(name)) {
                    return "unsupported tag <" + name + ">";
                }
                if (m.group(1).isEmpty()) {
                    if (name.equals("a") && !m.group(3).contains("href=")) {
                        return "<a> without href";
                    }
                    open.push(name);
                } else {
                    if (open.isEmpty() || !open.peek().equals(name)) {
                        return "</" + name + "> does not close " + (open.isEmpty() ? "any tag" : "<" + open.peek() + ">");
                    }
                    open.pop();
                }
                i = m.end();
            } else if (c == '>') {
                return "a bare '>' at " + i + " (write &gt;)";
            } else if (c == '&') {
                Matcher m = ENTITY.matcher(text).region(i, text.length());
                if (!m.lookingAt()) {
                    return "a bare '&' at " + i + " (write &amp;)";
                }
                i = m.end();
            } else {
                i++;
            }
        }
        return open.isEmpty() ? null : "<" + open.peek() + "> is never closed";
    }
}
