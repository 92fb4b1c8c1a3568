package dev.recruitdesk.accounts;

import dev.recruitdesk.domain.AuditEntry;
import java.util.List;

/** One page of audit entries, newest first, and how many match the filter in all. */
public record AuditPage(List<AuditEntry> entries, long total, int page, int pageSize) {

    public int pages() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }
}
