package org.gongnon.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.gongnon.process.IssuedAccess;
import org.gongnon.process.PanelService;
import org.gongnon.recruitment.DrawService;
import org.gongnon.recruitment.PanelSeatingService;
import org.gongnon.recruitment.TargetsService;
import org.gongnon.survey.AnswerOption;
import org.gongnon.survey.LocalText;
import org.gongnon.survey.Question;
import org.gongnon.survey.QuestionType;
import org.gongnon.survey.Questionnaire;
import org.gongnon.survey.Section;
import org.gongnon.survey.SurveyService;
import org.gongnon.survey.WaveForm;
import org.gongnon.testsupport.DemoFixtures;
import org.gongnon.testsupport.SeatedPanels;
import org.gongnon.testsupport.SignIn;
import org.gongnon.testsupport.TestNames;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A panel member fills in a survey on a phone-sized screen: from their personal link to the survey, consent,
 * answers on two pages, a reload in the middle (everything given so far is still there, on the same page), and a
 * confirmed submit. Exactly one response is stored.
 */
class SurveyJourneyTest extends JourneyTest {

    @Autowired
    SeatedPanels seatedPanels;
    @Autowired
    SignIn signIn;
    @Autowired
    TargetsService targets;
    @Autowired
    DrawService draws;
    @Autowired
    PanelSeatingService seating;
    @Autowired
    PanelService panel;
    @Autowired
    SurveyService surveys;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcTemplate jdbc;

    static final String WHY = "쓰레기는 어딘가에서 처리해야 하니까요. 다만 주민 건강이 먼저입니다.";

    static AnswerOption option(String code, String ko) {
        return new AnswerOption(code, LocalText.of(ko, code));
    }

    /** Two pages: opinion (a Likert item and a single choice), then knowledge and an open question. */
    static Questionnaire siting() {
        Question support = new Question("SUPPORT", QuestionType.LIKERT_5,
                LocalText.of("새 자원회수시설을 짓는 데 찬성하십니까?", "Do you support building the new facility?"), null,
                true, true, List.of(), null, null, null, null, null);
        Question criterion = new Question("CRITERION", QuestionType.SINGLE_CHOICE,
                LocalText.of("입지를 정할 때 가장 중요한 기준은 무엇입니까?", "What matters most in choosing the site?"), null,
                true, true, List.of(option("health", "주민 건강"), option("cost", "비용"), option("fair", "지역 간 형평")),
                null, null, null, null, null);
        Question ban = new Question("K1", QuestionType.KNOWLEDGE,
                LocalText.of("수도권 생활폐기물 직매립 금지는 언제부터입니까?", "When does the direct-landfill ban start?"), null,
                true, true, List.of(option("y2026", "2026년"), option("y2030", "2030년"), option("dk", "모름")), null,
                null, null, "y2026", null);
        Question why = new Question("WHY", QuestionType.TEXT,
                LocalText.of("그렇게 생각하시는 이유를 적어 주세요.", "Why do you think so?"), null, false, false, List.of(),
                null, null, 500, null, null);
        return new Questionnaire(List.of(
                new Section("OPINION", LocalText.of("오늘의 의견", "Your views today"), null, List.of(support, criterion)),
                new Section("KNOW", LocalText.of("알고 계신가요", "What you know"), null, List.of(ban, why))));
    }

    Locator radio(String name) {
        return page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void aCitizenFillsInASurveyOnAPhoneResumesAfterAReloadAndSubmitsOnce() {
        long processId = seatedPanels.newProcessWithPanel(TestNames.unique("설문 여정"), 24, 200);
        long waveId = signIn.facilitator(() -> {
            WaveForm form = surveys.newWaveForm(processId);
            long id = surveys.saveWave(processId, null, new WaveForm(form.number(), form.kind(),
                    LocalText.of("숙의 전 설문", "Pre-deliberation survey"), form.opensAt().minusHours(1),
                    form.closesAt(), form.audience(), null, form.purpose(), form.retention(), null));
            surveys.saveQuestionnaire(id, siting(), surveys.wave(id).form().version());
            surveys.open(id);
            return id;
        });
        IssuedAccess access = signIn.as("facilitator",
                () -> panel.issueAccess(seating.roster(processId).members().get(0).panelMemberId()));

        page.setViewportSize(390, 844);
        open(DemoFixtures.linkPath(access));
        assertThat(page).hasURL(Pattern.compile(".*/me$"));
        page.locator("#citizen-surveys-link").click();
        assertThat(page).hasURL(Pattern.compile(".*/me/surveys$"));
        page.locator("#open-survey-" + waveId).click();
        assertThat(page).hasURL(Pattern.compile(".*/me/surveys/" + waveId + "$"));

        // Consent first: the purpose and retention are shown, and nothing starts without the box ticked.
        assertThat(page.locator("#consent-purpose")).containsText("공론화");
        assertThat(page.locator("#consent-retention")).isVisible();
        assertThat(radio(t("survey.form.likert5.4"))).hasCount(0);
        page.getByLabel(t("survey.form.consent.checkbox")).check();
        page.locator("#consent-start").click();

        assertThat(page.locator("#survey-section-title")).hasText("오늘의 의견");
        // For screen readers each question is a group named by its text, and a required one says so.
        Locator supportGroup = page.getByRole(AriaRole.RADIOGROUP,
                new Page.GetByRoleOptions().setName("1. 새 자원회수시설을 짓는 데 찬성하십니까?"));
        assertThat(supportGroup).hasAttribute("aria-required", "true");
        assertThat(supportGroup.getByRole(AriaRole.RADIO)).hasCount(5);
        Locator agree = radio(t("survey.form.likert5.4"));
        agree.check();
        assertThat(page.locator("#status-SUPPORT")).hasText(t("survey.form.status.saved"));
        radio("주민 건강").check();
        assertThat(page.locator("#status-CRITERION")).hasText(t("survey.form.status.saved"));
        // Phone-sized targets: every choice is a tile at least 44 px high and as wide as the question.
        BoundingBox tile = page.locator("#question-CRITERION vaadin-radio-button").first().boundingBox();
        assertTrue(tile.height >= 44, "tile height " + tile.height);
        assertTrue(tile.width >= 250, "tile width " + tile.width);
        assertTrue(page.locator("#survey-next").boundingBox().height >= 44);

        page.locator("#survey-next").click();
        assertThat(page.locator("#survey-section-title")).hasText("알고 계신가요");
        radio("2026년").check();
        assertThat(page.locator("#status-K1")).hasText(t("survey.form.status.saved"));
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("4. 그렇게 생각하시는 이유를 적어 주세요."))
                .fill("쓰레기는 어딘가에서 처리해야 하니까요.");
        // Saved after a short pause in typing, without leaving the field.
        assertThat(page.locator("#status-WHY")).hasText(t("survey.form.status.saved"));

        // The connection drops, the tab is reloaded: same page, same answers.
        page.reload();
        assertThat(page.locator("#survey-section-title")).hasText("알고 계신가요");
        assertThat(radio("2026년")).isChecked();
        assertThat(page.locator("#question-WHY textarea")).hasValue("쓰레기는 어딘가에서 처리해야 하니까요.");
        // Typed and gone at once, without the pause: leaving the page saves it.
        page.locator("#question-WHY textarea").fill(WHY);
        page.locator("#survey-back").click();
        assertThat(page.locator("#survey-section-title")).hasText("오늘의 의견");
        assertThat(radio(t("survey.form.likert5.4"))).isChecked();
        assertThat(radio("주민 건강")).isChecked();
        assertEquals(WHY, jdbc.queryForObject("SELECT a.answer_value FROM survey_answer a JOIN survey_participation p "
                + "ON p.id = a.participation_id WHERE p.wave_id = ? AND a.question_code = 'WHY'", String.class, waveId));
        page.locator("#survey-next").click();
        assertThat(page.locator("#question-WHY textarea")).hasValue(WHY);

        page.locator("#survey-finish").click();
        // "Final, cannot be changed" is asked before anything is submitted.
        assertThat(page.getByText(t("survey.form.confirm.text"))).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(t("survey.form.confirm.submit")))
                .click();
        assertThat(page.locator("#survey-thanks")).containsText(t("survey.form.thanks.title"));

        assertEquals(1, jdbc.queryForObject("SELECT COUNT(*) FROM survey_participation WHERE wave_id = ? "
                + "AND submitted_at IS NOT NULL", Integer.class, waveId));
        assertEquals(1, jdbc.queryForObject("SELECT COUNT(*) FROM survey_participation WHERE wave_id = ?",
                Integer.class, waveId));
        Map<String, String> answers = new java.util.TreeMap<>();
        jdbc.query("SELECT a.question_code, a.answer_value FROM survey_answer a JOIN survey_participation p "
                + "ON p.id = a.participation_id WHERE p.wave_id = ?", rs -> {
                    answers.put(rs.getString(1), rs.getString(2));
                }, waveId);
        assertEquals(Map.of("SUPPORT", "4", "CRITERION", "health", "K1", "y2026", "WHY", WHY), answers);

        // Opening the survey again shows the thank-you; nothing can be answered any more.
        page.reload();
        assertThat(page.locator("#survey-thanks")).isVisible();
        assertThat(page.getByRole(AriaRole.RADIO)).hasCount(0);
    }
}
