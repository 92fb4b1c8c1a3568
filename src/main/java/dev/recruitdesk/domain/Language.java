package dev.recruitdesk.domain;

import java.util.Locale;

/** A language messages to people are written in. Russian is the default. */
public enum Language {
    RU("ru"), EN("en");

    private final String code;
    private final Locale locale;

    Language(String code) {
        this.code = code;
        this.locale = Locale.forLanguageTag(code); // parsed once: every message rendered asks for it
    }

    /** The ISO 639-1 code stored in the database and used for resource bundles. */
    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }

    /** The language of {@code code} ({@code ru}, {@code en}, also {@code en-US}); Russian for anything else. */
    public static Language ofCode(String code) {
        if (code != null) {
            String lower = code.toLowerCase(Locale.ROOT);
            for (Language l : values()) {
                if (lower.equals(l.code) || lower.startsWith(l.code + "-") || lower.startsWith(l.code + "_")) {
                    return l;
                }
            }
        }
        return RU;
    }
}
