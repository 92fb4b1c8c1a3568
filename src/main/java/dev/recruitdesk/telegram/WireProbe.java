package dev.recruitdesk.telegram;

import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Request;

/**
 * Watches one OkHttp call to tell "failed before the request went out" (safe to retry) from "the request went out
 * and no answer came" (it may have taken effect). Like OkHttp's own retry rule, a request counts as sent once its
 * headers were written: bytes handed to the socket may reach the server whatever happens next.
 */
final class WireProbe extends EventListener {

    /** How far the request got; only moves forward. */
    enum Stage { NOTHING_WRITTEN, HEADERS_WRITTEN, BODY_WRITTEN }

    private volatile Stage stage = Stage.NOTHING_WRITTEN;

    @Override
    public void requestHeadersEnd(Call call, Request request) {
        if (stage == Stage.NOTHING_WRITTEN) {
            stage = Stage.HEADERS_WRITTEN;
        }
    }

    @Override
    public void requestBodyEnd(Call call, long byteCount) {
        stage = Stage.BODY_WRITTEN;
    }

    Stage stage() {
        return stage;
    }

    boolean requestSent() {
        return stage != Stage.NOTHING_WRITTEN;
    }
}
