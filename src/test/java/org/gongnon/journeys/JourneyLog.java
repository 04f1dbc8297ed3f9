package org.gongnon.journeys;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the browser did during one journey: every request with its answer or failure, navigations, console
 * messages and script errors, each with milliseconds since the page opened. Saved next to the screenshot
 * when a journey fails, so that a failure seen once (on a loaded CI machine) can be explained afterwards:
 * whether a click was sent, answered, and what the browser did next.
 */
final class JourneyLog {

    /** Enough of a Vaadin request body to see which events it carried, not whole state dumps. */
    private static final int BODY_CHARS = 600;

    private final long start = System.nanoTime();
    private final List<String> lines = new ArrayList<>();

    JourneyLog(Page page) {
        page.onRequest(r -> add("request " + r.method() + " " + r.url() + body(r)));
        page.onResponse(r -> {
            String setCookie = r.headers().get("set-cookie");
            add("answer " + r.status() + " " + r.request().method() + " " + r.url()
                    + (setCookie != null && setCookie.contains("JSESSIONID") ? " (new session cookie)" : "")
                    + (r.status() / 100 == 3 ? " -> " + r.headers().get("location") : ""));
        });
        page.onRequestFailed(r -> add("request failed " + r.method() + " " + r.url() + ": " + r.failure()));
        page.onFrameNavigated(f -> {
            if (f.parentFrame() == null) {
                add("navigated to " + f.url());
            }
        });
        page.onConsoleMessage(m -> add("console " + m.type() + ": " + m.text()));
        page.onPageError(e -> add("script error: " + e));
    }

    private static String body(Request request) {
        if (!"POST".equals(request.method())) {
            return "";
        }
        String body = request.postData();
        if (body == null) {
            return "";
        }
        return " " + (body.length() > BODY_CHARS ? body.substring(0, BODY_CHARS) + "…" : body);
    }

    /** A step of the test itself, to line up with the browser's events. */
    synchronized void add(String event) {
        lines.add(String.format("%8.0f ms  %s", (System.nanoTime() - start) / 1e6, event));
    }

    synchronized void write(Path file) throws IOException {
        Files.write(file, lines);
    }
}
