package dev.recruitdesk.ui.simulator;

import java.util.List;

/**
 * One bubble of the simulated chat: the candidate's own text, or a bot message with its inline buttons.
 *
 * @param messageId the bot message's id (edits replace the bubble with the same id); 0 for the candidate's text
 */
public record ChatEntry(boolean fromBot, int messageId, String text, List<List<SandboxChat.Button>> buttons) {

    static ChatEntry mine(String text) {
        return new ChatEntry(false, 0, text, List.of());
    }

    static ChatEntry bot(SandboxChat.BotMessage m) {
        return new ChatEntry(true, m.messageId(), m.text(), m.buttons());
    }
}
