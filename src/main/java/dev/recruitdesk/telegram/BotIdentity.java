package dev.recruitdesk.telegram;

/** Who the token belongs to, as getMe tells it: shown by "test connection" and --self-test. */
public record BotIdentity(long id, String username, String firstName) {
}
