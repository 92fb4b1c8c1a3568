package dev.recruitdesk.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * One scripted failure of the fake Bot API: an error answer given instead of doing the work, or a stall that does
 * the work and then withholds the answer. Answers copy the real server's status codes and descriptions.
 */
public final class Fault {

    enum Kind { JSON_ERROR, HTML_ERROR, STALL }

    private final Kind kind;
    private final int status;
    private final String description;
    private final Integer retryAfterSeconds;
    private final Duration hold;

    private Fault(Kind kind, int status, String description, Integer retryAfterSeconds, Duration hold) {
        this.kind = kind;
        this.status = status;
        this.description = description;
        this.retryAfterSeconds = retryAfterSeconds;
        this.hold = hold;
    }

    /** 429 with {@code parameters.retry_after}, as flood control answers. */
    public static Fault tooManyRequests(int retryAfterSeconds) {
        if (retryAfterSeconds < 1) {
            throw new IllegalArgumentException("retry_after is at least 1 s");
        }
        return new Fault(Kind.JSON_ERROR, 429, "Too Many Requests: retry after " + retryAfterSeconds, retryAfterSeconds, null);
    }

    /** A 5xx in the JSON envelope (500 Internal Server Error, 502 Bad Gateway, …). */
    public static Fault serverError(int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("not a 5xx status: " + status);
        }
        return new Fault(Kind.JSON_ERROR, status, status == 502 ? "Bad Gateway" : "Internal Server Error", null, null);
    }

    /** The front proxy's 502 page: {@code text/html}, not JSON. */
    public static Fault htmlBadGateway() {
        return new Fault(Kind.HTML_ERROR, 502, "<html>Bad Gateway</html>", null, null);
    }

    public static Fault blocked() {
        return new Fault(Kind.JSON_ERROR, 403, "Forbidden: bot was blocked by the user", null, null);
    }

    public static Fault deactivated() {
        return new Fault(Kind.JSON_ERROR, 403, "Forbidden: user is deactivated", null, null);
    }

    public static Fault chatNotFound() {
        return new Fault(Kind.JSON_ERROR, 400, "Bad Request: chat not found", null, null);
    }

    /** Any other 400, e.g. {@code "Bad Request: can't parse entities: …"}. */
    public static Fault badRequest(String description) {
        return new Fault(Kind.JSON_ERROR, 400, Objects.requireNonNull(description, "description"), null, null);
    }

    public static Fault unauthorized() {
        return new Fault(Kind.JSON_ERROR, 401, "Unauthorized", null, null);
    }

    /**
     * The request is read and carried out (a sent message is recorded), then the answer is held back for
     * {@code hold}, or until the fake goes offline or closes. A client with a shorter read timeout sees no answer.
     */
    public static Fault stall(Duration hold) {
        return new Fault(Kind.STALL, 200, "stall " + hold.toMillis() + " ms", null, Objects.requireNonNull(hold, "hold"));
    }

    Kind kind() {
        return kind;
    }

    int status() {
        return status;
    }

    String description() {
        return description;
    }

    Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    Duration hold() {
        return hold;
    }

    @Override
    public String toString() {
        return kind == Kind.STALL ? description : status + " " + description;
    }
}
