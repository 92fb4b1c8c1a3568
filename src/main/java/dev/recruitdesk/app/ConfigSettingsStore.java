package dev.recruitdesk.app;

import dev.recruitdesk.ui.settings.SettingsStore;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The Settings screen's view of {@link Config}: the same keys, the file's own checks, one write for many values. */
final class ConfigSettingsStore implements SettingsStore {

    private final Config config;

    ConfigSettingsStore(Config config) {
        this.config = config;
    }

    @Override
    public Optional<String> get(Setting setting) {
        return config.get(key(setting));
    }

    @Override
    public String problem(Setting setting, String value) {
        return value == null || value.isBlank() ? null : key(setting).problem(value.strip());
    }

    @Override
    public void saveAll(Map<Setting, String> values) {
        Map<Config.Key, String> changes = new EnumMap<>(Config.Key.class);
        values.forEach((setting, value) -> changes.put(key(setting), value));
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
