package dev.recruitdesk.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.ZoneId;
import java.util.Objects;

/** A person who publishes slots and runs interviews. */
@Entity
@Table(name = "recruiter")
public class Recruiter {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Column(name = "meeting_link", length = 500)
    private String meetingLink;

    protected Recruiter() {
    }

    public Recruiter(String name, ZoneId zone) {
        this.name = requireName(name);
        this.timeZone = zone.getId();
    }

    /** A recruiter read with plain SQL: detached, like any entity once its transaction ended. */
    public static Recruiter restored(long id, String name, ZoneId zone, String meetingLink) {
        Recruiter r = new Recruiter(name, zone);
        r.id = id;
        r.meetingLink = meetingLink;
        return r;
    }

    private static String requireName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A recruiter needs a name");
        }
        return name.strip();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = requireName(name);
    }

    public ZoneId getZone() {
        return ZoneId.of(timeZone);
    }

    public void setZone(ZoneId zone) {
        this.timeZone = zone.getId();
    }

    public String getMeetingLink() {
        return meetingLink;
    }

    public void setMeetingLink(String meetingLink) {
        this.meetingLink = meetingLink;
    }
}
