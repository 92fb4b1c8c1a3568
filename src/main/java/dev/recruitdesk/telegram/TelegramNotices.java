package dev.recruitdesk.telegram;

import dev.recruitdesk.booking.CandidateNotices;
import dev.recruitdesk.delivery.OutgoingMessage;
import dev.recruitdesk.domain.Candidate;
import java.util.Map;
import java.util.Objects;

/** The bot's wording of the messages booking sends on its own: in the candidate's language, with buttons. */
public final class TelegramNotices implements CandidateNotices {

    private final MessageRenderer renderer;
    private final Keyboards keyboards;

    public TelegramNotices(MessageRenderer renderer, Keyboards keyboards) {
        this.renderer = Objects.requireNonNull(renderer);
        this.keyboards = Objects.requireNonNull(keyboards);
    }

    @Override
    public OutgoingMessage newSlots(Candidate candidate) {
        return renderer.message(candidate.getChatId(), TemplateKey.NEW_SLOTS, candidate.getLanguage(),
                Map.of("candidate_name", candidate.getName()), keyboards.pickTime(candidate.getLanguage()));
    }

    @Override
    public OutgoingMessage recruiterMessage(Candidate candidate, String recruiterName, String text) {
        return renderer.message(candidate.getChatId(), TemplateKey.RECRUITER_MESSAGE, candidate.getLanguage(),
                Map.of("recruiter_name", recruiterName, "message", text), null);
    }
}
