package org.gongnon.loadtest;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gongnon.loadtest.VaadinClient.Node;
import org.gongnon.loadtest.VaadinClient.ProtocolException;
import org.gongnon.survey.Question;
import org.gongnon.survey.QuestionType;
import org.gongnon.survey.Questionnaire;

/**
 * One simulated citizen with a phone: opens the personal link, opens the survey, consents, answers every question
 * of {@link LoadTestQuestionnaire} page by page through the real form (radio groups, checkbox groups, text fields,
 * Next), and submits with the confirmation dialog. Each step is timed from the request to the applied answer, and
 * each answer counts as saved only when the form says so at the question.
 */
final class CitizenRobot {

    /** Where timings and failures go; shared by all robots, so thread-safe. */
    interface Recorder {
        void time(String step, long nanos);

        void error(String step, String message);
    }

    private final VaadinClient client;
    private final String linkPath;
    private final long waveId;
    private final Questionnaire questionnaire;
    private final Random random;
    private final Recorder recorder;
    /** Answers the form confirmed as saved, as the database should hold them (question code → value). */
    private final Map<String, String> saved = new LinkedHashMap<>();
    private boolean submitted;

    CitizenRobot(VaadinClient client, String link, long waveId, Questionnaire questionnaire, Random random,
                 Recorder recorder) {
        this.client = client;
        this.linkPath = URI.create(link).getPath();
        this.waveId = waveId;
        this.questionnaire = questionnaire;
        this.random = random;
        this.recorder = recorder;
    }

    Map<String, String> saved() {
        return saved;
    }

    boolean submitted() {
        return submitted;
    }

    /** The personal link signs in and redirects to the citizen's page. */
    void signIn() {
        long start = System.nanoTime();
        HttpResponse<String> response = client.get(linkPath);
        String location = response.headers().firstValue("location").orElse("");
        if (response.statusCode() != 303 || !location.endsWith("/me")) {
            throw new ProtocolException("sign-in answered " + response.statusCode() + " to " + location);
        }
        recorder.time("sign in", System.nanoTime() - start);
    }

    /**
     * Opens the survey and, if asked, gives consent; afterwards the form is on the page it resumes at. True when
     * consent was asked.
     */
    boolean openSurvey() {
        long start = System.nanoTime();
        client.open("me/surveys/" + waveId);
        recorder.time("open survey", System.nanoTime() - start);
        boolean asked = client.byId("consent-checkbox").isPresent();
        if (asked) {
            client.setProperty(client.requireId("consent-checkbox"), "checked", true);
            start = System.nanoTime();
            client.click(client.requireId("consent-start"));
            recorder.time("consent", System.nanoTime() - start);
        }
        client.requireId("survey-form");
        return asked;
    }

    /** The 0-based page the form shows, from its title. */
    int currentPage() {
        String title = client.text(client.requireId("survey-section-title"));
        for (int s = 0; s < questionnaire.sections().size(); s++) {
            if (questionnaire.sections().get(s).title().ko().equals(title)) {
                return s;
            }
        }
        throw new ProtocolException("unknown page title '" + title + "'");
    }

    /**
     * Answers every question from the page shown to the last one, pausing {@code think} milliseconds before each
     * answer and half as long before Next; false when Next did not move on.
     */
    boolean answerToTheEnd(java.util.function.LongSupplier think) throws InterruptedException {
        List<org.gongnon.survey.Section> sections = questionnaire.sections();
        for (int s = currentPage(); s < sections.size(); s++) {
            for (Question q : sections.get(s).questions()) {
                Thread.sleep(think.getAsLong());
                answer(q);
            }
            if (s < sections.size() - 1) {
                Thread.sleep(think.getAsLong() / 2);
                if (!next()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Answers one question on the page shown; true when the form says it was saved. */
    boolean answer(Question q) {
        return answer(q, LoadTestQuestionnaire.answer(q, random));
    }

    /** Gives this answer (in the service's format) to a question on the page shown. */
    boolean answer(Question q, List<String> value) {
        Node root = client.requireId("question-" + q.code());
        long start = System.nanoTime();
        switch (q.type()) {
            case MULTIPLE_CHOICE -> {
                Node group = first(root, "vaadin-checkbox-group");
                List<Node> boxes = client.descendants(group, "vaadin-checkbox");
                List<String> codes = LoadTestQuestionnaire.choiceCodes(q);
                List<Object> keys = new ArrayList<>();
                for (String code : value) {
                    keys.add(boxes.get(codes.indexOf(code)).property("value"));
                }
                client.setProperty(group, "value", keys);
            }
            case TEXT -> client.setProperty(first(root, "vaadin-text-area"), "value", value.getFirst());
            case NUMBER -> client.setProperty(first(root, "vaadin-text-field"), "value", value.getFirst());
            default -> {
                Node group = first(root, "vaadin-radio-group");
                List<Node> buttons = client.descendants(group, "vaadin-radio-button");
                int index = LoadTestQuestionnaire.choiceCodes(q).indexOf(value.getFirst());
                client.setProperty(group, "value", buttons.get(index).property("value"));
            }
        }
        long nanos = System.nanoTime() - start;
        Node status = client.requireId("status-" + q.code());
        if (!"saved".equals(status.attribute("data-state"))) {
            recorder.error("save", q.code() + ": " + client.text(status));
            return false;
        }
        recorder.time(q.type() == QuestionType.TEXT || q.type() == QuestionType.NUMBER ? "save (typed)"
                : "save (choice)", nanos);
        recorder.time("save (all)", nanos);
        saved.put(q.code(), LoadTestQuestionnaire.stored(q, value));
        return true;
    }

    /**
     * The answer the form shows at a question on the page shown, as the database keeps it ("" when none): what
     * a citizen sees after resuming.
     */
    String shownAnswer(Question q) {
        Node root = client.requireId("question-" + q.code());
        return switch (q.type()) {
            case MULTIPLE_CHOICE -> {
                Node group = first(root, "vaadin-checkbox-group");
                List<Node> boxes = client.descendants(group, "vaadin-checkbox");
                List<String> codes = LoadTestQuestionnaire.choiceCodes(q);
                List<?> keys = group.property("value") instanceof List<?> l ? l : List.of();
                List<String> chosen = new ArrayList<>();
                for (int i = 0; i < boxes.size(); i++) {
                    if (keys.contains(boxes.get(i).property("value"))) {
                        chosen.add(codes.get(i));
                    }
                }
                yield String.join(",", chosen);
            }
            case TEXT -> String.valueOf(first(root, "vaadin-text-area").property("value"));
            case NUMBER -> String.valueOf(first(root, "vaadin-text-field").property("value"));
            default -> {
                Node group = first(root, "vaadin-radio-group");
                List<Node> buttons = client.descendants(group, "vaadin-radio-button");
                Object key = group.property("value");
                String shown = "";
                for (int i = 0; i < buttons.size(); i++) {
                    if (key != null && key.equals(buttons.get(i).property("value"))) {
                        shown = LoadTestQuestionnaire.choiceCodes(q).get(i);
                    }
                }
                yield shown;
            }
        };
    }

    /** The state of the status line at a question: "saved", "refused", or null before any answer. */
    String status(Question q) {
        Object state = client.requireId("status-" + q.code()).attribute("data-state");
        return state == null ? null : state.toString();
    }

    /** Previous page; true when the form moved there. */
    boolean back() {
        int before = currentPage();
        client.click(client.requireId("survey-back"));
        return currentPage() == before - 1;
    }

    /** Next page; true when the form moved there. */
    boolean next() {
        int before = currentPage();
        long start = System.nanoTime();
        client.click(client.requireId("survey-next"));
        recorder.time("next page", System.nanoTime() - start);
        if (currentPage() != before + 1) {
            recorder.error("next page", "still on page " + (before + 1));
            return false;
        }
        return true;
    }

    /** Submit, confirm, and the thank-you; true when thanked. */
    boolean submit() {
        long start = System.nanoTime();
        client.click(client.requireId("survey-finish"));
        // The newest open one: an earlier dialog (a refused submit) may still be in the tree.
        Node dialog = client.findAll(n -> "vaadin-confirm-dialog".equals(n.tag())
                        && "submit-confirm".equals(n.attribute("id")) && Boolean.TRUE.equals(n.property("opened")))
                .stream().max(java.util.Comparator.comparingInt(Node::id)).orElse(null);
        if (dialog == null) {
            recorder.error("submit", "no confirmation dialog; missing: "
                    + client.byId("survey-missing").map(client::text).orElse("?"));
            return false;
        }
        recorder.time("submit button", System.nanoTime() - start);
        start = System.nanoTime();
        client.fire(dialog, "confirm");
        long nanos = System.nanoTime() - start;
        // The dialog closes itself in the browser, which tells the server; until then it is modal there, and the
        // server would ignore the form behind it (it stays on the page when the submit was refused).
        if (client.find(n -> n.id() == dialog.id()).isPresent() && Boolean.TRUE.equals(dialog.property("opened"))) {
            client.setProperty(dialog, "opened", false);
        }
        if (client.byId("survey-thanks").isEmpty()) {
            recorder.error("submit", "no thank-you after confirming");
            return false;
        }
        recorder.time("submit (confirm)", nanos);
        submitted = true;
        return true;
    }

    private Node first(Node root, String tag) {
        List<Node> found = client.descendants(root, tag);
        if (found.isEmpty()) {
            throw new ProtocolException("no <" + tag + "> in question " + root.attribute("id"));
        }
        return found.getFirst();
    }
}
