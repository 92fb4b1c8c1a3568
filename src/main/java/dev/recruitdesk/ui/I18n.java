package dev.recruitdesk.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The console's one message bundle family; a missing key shows as {@code !key!} instead of failing. */
public final class I18n {

    public static final String BUNDLE = "dev.recruitdesk.ui.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    public I18n(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
    }

    /** Russian when asked for or when the system speaks Russian; English otherwise. */
    public static Locale chooseLocale(String configured, Locale system) {
        String lang = configured != null ? configured : system.getLanguage();
        return "ru".equals(lang) ? Locale.forLanguageTag("ru") : Locale.ENGLISH;
    }

    public String tr(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public Locale locale() {
        return locale;
    }
}
