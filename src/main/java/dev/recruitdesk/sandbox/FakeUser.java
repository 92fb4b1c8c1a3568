package dev.recruitdesk.sandbox;

/**
 * A simulated Telegram user writing to the bot from a chat (in a private chat the chat id equals the user id).
 *
 * @param username     without the {@code @}, or {@code null}
 * @param languageCode the IETF tag Telegram reports for the user's app ({@code en}, {@code ru})
 */
public record FakeUser(long userId, long chatId, String firstName, String username, String languageCode) {

    /** A user whose Telegram app speaks English. */
    public FakeUser(long userId, long chatId, String firstName, String username) {
        this(userId, chatId, firstName, username, "en");
    }

    public static FakeUser privateChat(long userId, String firstName, String username) {
        return new FakeUser(userId, userId, firstName, username);
    }

    public static FakeUser privateChat(long userId, String firstName, String username, String languageCode) {
        return new FakeUser(userId, userId, firstName, username, languageCode);
    }
}
