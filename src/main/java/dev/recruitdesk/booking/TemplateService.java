package dev.recruitdesk.booking;

import dev.recruitdesk.accounts.AuditLog;
import dev.recruitdesk.accounts.Caller;
import dev.recruitdesk.domain.Language;
import dev.recruitdesk.domain.MessageTemplate;
import dev.recruitdesk.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.Session;
import org.hibernate.exception.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Editing message templates: every save is a new version checked against the {@link TemplateRules}; the newest
 * version is the active text; a revert saves an older text again. Nothing is ever overwritten or deleted.
 */
public class TemplateService {

    private static final Logger log = LoggerFactory.getLogger(TemplateService.class);

    /**
     * How long composed messages may use a cached text. Saves in this process apply at once; a save by another
     * console of a team reaches this one's messages within this time.
     */
    static final Duration CACHE_TTL = Duration.ofSeconds(10);

    private final Database db;
    private final Clock clock;
    private final TemplateRules rules;
    private final AuditLog audit;
    private volatile SavedTexts cache;

    /** Every template's newest saved text, keyed {@code key/lang}, as read at {@code readAt}. */
    private record SavedTexts(Map<String, String> texts, Instant readAt) {
    }

    public TemplateService(Database db, Clock clock, TemplateRules rules) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.audit = new AuditLog(clock);
    }

    public TemplateRules rules() {
        return rules;
    }

    /**
     * Saves {@code text} as the next version and makes it active; refuses it with every problem found. Saving the
     * active text again adds nothing and returns the active version.
     */
    /** Admin only; audited as {@code template.save} with the active text before and after. */
    public TemplateVersion save(Caller caller, String key, Language language, String text) {
        Scope.requireAdmin(caller, "templates");
        return store(caller, key, language, text, null);
    }

    /** Makes an earlier text active again by saving it as a new version; version 0 restores the built-in default. */
    public TemplateVersion revert(Caller caller, String key, Language language, int version) {
        Scope.requireAdmin(caller, "templates");
        String text = version == 0
                ? rules.defaultText(key, language).orElseThrow(() -> new RuleViolation("", "template.error.unknown_key", key))
                : db.inTransaction(s -> find(s, key, language, version))
                        .map(MessageTemplate::getBody)
                        .orElseThrow(() -> new RuleViolation("version", "template.error.no_version", key, version));
        return store(caller, key, language, text, version);
    }

    /** Every version, newest first, ending with the built-in default (version 0). */
    public List<TemplateVersion> versions(String key, Language language) {
        List<MessageTemplate> saved = db.inTransaction(s -> s.createSelectionQuery(
                        "from MessageTemplate t where t.key = :key and t.language = :lang order by t.version desc", MessageTemplate.class)
                .setParameter("key", key)
                .setParameter("lang", language.code())
                .getResultList());
        List<TemplateVersion> versions = new ArrayList<>();
        for (MessageTemplate t : saved) {
            versions.add(new TemplateVersion(t.getVersion(), t.getBody(), t.getUpdatedBy(), t.getUpdatedAt(), t.getRevertedFrom(),
                    versions.isEmpty()));
        }
        rules.defaultText(key, language).ifPresent(text ->
                versions.add(new TemplateVersion(0, text, null, null, null, saved.isEmpty())));
        return versions;
    }

    /** The text in use: the newest saved version, or the built-in default. */
    public String activeText(String key, Language language) {
        return savedText(key, language)
                .or(() -> rules.defaultText(key, language))
                .orElseThrow(() -> new IllegalArgumentException("No template " + key));
    }

    /**
     * The newest saved version's text, if any was saved. Read from a cache of all templates (one query), because
     * composing a message asks for several texts and a batch of approvals for thousands.
     */
    public Optional<String> savedText(String key, Language language) {
        SavedTexts current = cache;
        Instant now = clock.instant();
        if (current == null || now.isAfter(current.readAt().plus(CACHE_TTL)) || now.isBefore(current.readAt())) {
            current = new SavedTexts(readAllLatest(), now);
            cache = current;
        }
        return Optional.ofNullable(current.texts().get(cacheKey(key, language)));
    }

    private Map<String, String> readAllLatest() {
        Map<String, String> texts = new HashMap<>();
        db.inTransaction(s -> s.createSelectionQuery("from MessageTemplate t order by t.version", MessageTemplate.class).getResultList())
                .forEach(t -> texts.put(cacheKey(t.getKey(), t.getLanguage()), t.getBody()));
        return texts;
    }

    private static String cacheKey(String key, Language language) {
        return key + "/" + language.code();
    }

    private TemplateVersion store(Caller caller, String key, Language language, String text, Integer revertedFrom) {
        Objects.requireNonNull(text, "text");
        String by = caller.name().isBlank() ? "unknown" : caller.name().strip();
        List<TemplateProblem> problems = rules.check(key, language, text);
        if (!problems.isEmpty()) {
            log.info("template.rejected key={} lang={} problems={}", key, language.code(), problems);
            throw new TemplateRejected(problems);
        }
        try {
            return db.inTransaction(s -> {
                Optional<MessageTemplate> current = latest(s, key, language);
                if (current.map(MessageTemplate::getBody).filter(text::equals).isPresent()) {
                    MessageTemplate t = current.get();
                    log.info("template.unchanged key={} lang={} version={}", key, language.code(), t.getVersion());
                    return view(t, true);
                }
                int next = current.map(MessageTemplate::getVersion).orElse(0) + 1;
                MessageTemplate saved = new MessageTemplate(key, language, next, text, revertedFrom, by, clock.instant());
                s.persist(saved);
                s.flush();
                audit.record(s, caller, revertedFrom == null ? "template.save" : "template.revert", "template", saved.getId(),
                        current.map(t -> key + "/" + language.code() + " v" + t.getVersion() + ": " + t.getBody()).orElse(key + "/" + language.code() + " default"),
                        key + "/" + language.code() + " v" + next + ": " + text);
                log.info("template.saved key={} lang={} version={} revertedFrom={} by={}", key, language.code(), next, revertedFrom, by);
                cache = null;
                return view(saved, true);
            });
        } catch (ConstraintViolationException e) {
            throw new RuleViolation("text", "template.error.concurrent_edit", key);
        }
    }

    private static TemplateVersion view(MessageTemplate t, boolean active) {
        return new TemplateVersion(t.getVersion(), t.getBody(), t.getUpdatedBy(), t.getUpdatedAt(), t.getRevertedFrom(), active);
    }

    private static Optional<MessageTemplate> latest(Session s, String key, Language language) {
        return s.createSelectionQuery(
                        "from MessageTemplate t where t.key = :key and t.language = :lang order by t.version desc", MessageTemplate.class)
                .setParameter("key", key)
                .setParameter("lang", language.code())
                .setMaxResults(1)
                .uniqueResultOptional();
    }

    private static Optional<MessageTemplate> find(Session s, String key, Language language, int version) {
        return s.createSelectionQuery(
                        "from MessageTemplate t where t.key = :key and t.language = :lang and t.version = :v", MessageTemplate.class)
                .setParameter("key", key)
                .setParameter("lang", language.code())
                .setParameter("v", version)
                .uniqueResultOptional();
    }
}
