package dev.recruitdesk.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.ZoneId;
import java.util.Objects;

/** A person who books interviews through the bot (or was created by a recruiter and invited). */
@Entity
@Table(name = "candidate")
public class Candidate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "telegram_user_id", unique = true)
    private Long telegramUserId;

    @Column(name = "chat_id")
    private Long chatId;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 64)
    private String username;

    @Column(length = 32)
    private String phone;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Column(nullable = false)
    private boolean reachable = true;

    @Column(nullable = false, length = 2)
    private String language = Language.RU.code();

    /** The recruiter who added the candidate in the console (their scope in team mode), or null. */
    @Column(name = "added_by_recruiter_id")
    private Long addedByRecruiterId;

    protected Candidate() {
    }

    public Candidate(String name, ZoneId zone) {
        this.name = Objects.requireNonNull(name, "name").strip();
        this.timeZone = zone.getId();
    }

    public Long getId() {
        return id;
    }

    public Long getAddedByRecruiterId() {
        return addedByRecruiterId;
    }

    public void setAddedByRecruiterId(Long recruiterId) {
        this.addedByRecruiterId = recruiterId;
    }

    public Long getTelegramUserId() {
        return telegramUserId;
    }

    public Long getChatId() {
        return chatId;
    }

    /** Binds the candidate to a Telegram user and the private chat with the bot. */
    public void bindTelegram(long userId, long chatId, String username) {
        this.telegramUserId = userId;
        this.chatId = chatId;
        this.username = username;
        this.reachable = true;
    }

    /** Forgets the Telegram binding (the user bound this chat to another candidate, e.g. through an invite). */
    public void unbindTelegram() {
        this.telegramUserId = null;
        this.chatId = null;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = Objects.requireNonNull(name, "name").strip();
    }

    public String getUsername() {
        return username;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public ZoneId getZone() {
        return ZoneId.of(timeZone);
    }

    public void setZone(ZoneId zone) {
        this.timeZone = zone.getId();
    }

    public Language getLanguage() {
        return Language.ofCode(language);
    }

    public void setLanguage(Language language) {
        this.language = language.code();
    }

    /** True when a message can be sent: bound to a Telegram chat that has not blocked the bot. */
    public boolean canBeMessaged() {
        return chatId != null && reachable;
    }

    public boolean isReachable() {
        return reachable;
    }

    public void setReachable(boolean reachable) {
        this.reachable = reachable;
    }
}
