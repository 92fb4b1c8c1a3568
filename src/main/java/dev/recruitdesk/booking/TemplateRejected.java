package dev.recruitdesk.booking;

import java.util.List;
import java.util.Locale;

/** A template text was refused at save time; {@link #problems()} lists every reason, not only the first. */
public class TemplateRejected extends RuleViolation {

    private final transient List<TemplateProblem> problems;

    public TemplateRejected(List<TemplateProblem> problems) {
        super("text", "template.error." + problems.get(0).kind().name().toLowerCase(Locale.ROOT), problems.get(0).detail());
        this.problems = List.copyOf(problems);
    }

    public List<TemplateProblem> problems() {
        return problems;
    }
}
