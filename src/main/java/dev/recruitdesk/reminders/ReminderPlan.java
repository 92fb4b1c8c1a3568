package dev.recruitdesk.reminders;

import java.util.List;

/** The planner's full answer: the reminders to enqueue (in due order) and those it left out, with reasons. */
public record ReminderPlan(List<PlannedReminder> planned, List<SkippedReminder> skipped) {

    public ReminderPlan {
        planned = List.copyOf(planned);
        skipped = List.copyOf(skipped);
    }
}
