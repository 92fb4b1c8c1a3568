package dev.recruitdesk.booking;

import java.time.Instant;

/**
 * One version of a template as the Templates screen lists it. Version 0 is the built-in default (no author, no
 * time); {@code active} marks the text in use.
 *
 * @param revertedFrom the version this one restored, or {@code null}
 */
public record TemplateVersion(int version, String text, String author, Instant savedAt, Integer revertedFrom, boolean active) {

    public boolean isBuiltIn() {
        return version == 0;
    }
}
