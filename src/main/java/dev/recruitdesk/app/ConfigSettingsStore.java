package dev.recruitdesk.app;

import dev.recruitdesk.ui.settings.SettingsStore;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Settings screen's view of {@link Config}: the same keys, the file's own checks, one write for many values. In
 * team mode the bot token is the team's, kept encrypted in the database ({@link BotSecrets}), not the file's.
 */
final class ConfigSettingsStore implements SettingsStore {

    private final Config config;
    private final BotSecrets secrets; // null: the token is the file's

    ConfigSettingsStore(Config config) {
        this(config, null);
    }

    ConfigSettingsStore(Config config, BotSecrets secrets) {
        this.config = config;
        this.secrets = secrets != null && secrets.teamMode() ? secrets : null;
    }

    @Override
    public Optional<String> get(Setting setting) {
        if (secrets != null && setting == Setting.TELEGRAM_TOKEN) {
            return secrets.token();
        }
        return config.get(key(setting));
    }

    @Override
    public String problem(Setting setting, String value) {
        return value == null || value.isBlank() ? null : key(setting).problem(value.strip());
    }

    @Override
    public void saveAll(Map<Setting, String> values) {
        Map<Config.Key, String> changes = new EnumMap<>(Config.Key.class);
        values.forEach((setting, value) -> {
            if (secrets != null && setting == Setting.TELEGRAM_TOKEN) {
                // blank means "keep the team's token": a console that cannot read it shows an empty field
                if (value != null && !value.isBlank() && !secrets.token().map(value.strip()::equals).orElse(false)) {
                    secrets.saveToken(value, BotSecrets.who());
                }
            } else {
                changes.put(key(setting), value);
            }
        });
        config.putAll(changes);
    }

    static Config.Key key(Setting setting) {
        for (Config.Key k : Config.Key.values()) {
            if (k.name.equals(setting.key)) {
                return k;
            }
        }
        throw new IllegalStateException("No config key " + setting.key);
    }
}
