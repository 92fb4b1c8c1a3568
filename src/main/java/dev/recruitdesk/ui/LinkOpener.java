package dev.recruitdesk.ui;

/**
 * Opens a web link (a Telegram chat) in the desktop's browser. The app uses {@code HostServices}; tests record the
 * links instead, since the headless toolkit cannot open documents.
 */
@FunctionalInterface
public interface LinkOpener {

    void open(String url);
}
