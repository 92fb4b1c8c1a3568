package dev.recruitdesk.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One saved version of a message template (a key in one language). Rows are never changed: the highest version
 * is the active text, and a revert saves an old text again as a new version that names its origin.
 */
@Entity
@Table(name = "message_template")
public class MessageTemplate {

    public static final int MAX_BODY_LENGTH = 8000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "template_key", nullable = false, length = 64)
    private String key;

    @Column(nullable = false, length = 2)
    private String language;

    @Column(nullable = false)
    private int version;

    @Column(nullable = false, length = MAX_BODY_LENGTH)
    private String body;

    @Column(name = "reverted_from")
    private Integer revertedFrom;

    @Column(name = "updated_by", nullable = false, length = 200)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected MessageTemplate() {
    }

    public MessageTemplate(String key, Language language, int version, String body, Integer revertedFrom,
                           String updatedBy, Instant updatedAt) {
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1");
        }
        this.key = Objects.requireNonNull(key, "key");
        this.language = language.code();
        this.version = version;
        this.body = Objects.requireNonNull(body, "body");
        this.revertedFrom = revertedFrom;
        this.updatedBy = Objects.requireNonNull(updatedBy, "updatedBy");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public Long getId() {
        return id;
    }

    public String getKey() {
        return key;
    }

    public Language getLanguage() {
        return Language.ofCode(language);
    }

    public int getVersion() {
        return version;
    }

    public String getBody() {
        return body;
    }

    /** The version whose text this one restored, or {@code null} for an edit. */
    public Integer getRevertedFrom() {
        return revertedFrom;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
