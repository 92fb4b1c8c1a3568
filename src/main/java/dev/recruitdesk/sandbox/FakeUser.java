package dev.recruitdesk.sandbox;

/**
 * A simulated Telegram user writing to the bot from a chat (in a private chat the chat id equals the user id).
 *
 * @param username without the {@code @}, or {@code null}
 */
public record FakeUser(long userId, long chatId, String firstName, String username) {

    public static FakeUser privateChat(long userId, String firstName, String username) {
        return new FakeUser(userId, userId, firstName, username);
    }
}
