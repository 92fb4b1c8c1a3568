package dev.recruitdesk.ui.settings;

/** "Test connection": asks Telegram (or the given Bot API server) who the bot with a token is. */
public interface BotProbe {

    /** The answer: the bot's name on success, else the error as Telegram or the network gave it (never the token). */
    record Result(boolean ok, String botName, String error) {
    }

    /** Slow (network): never on the FX thread. A blank token probes the running sandbox bot. */
    Result probe(String token, String apiUrl);
}
