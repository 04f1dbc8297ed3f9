package org.gongnon.survey.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ValidationException;
import org.gongnon.base.ui.Messages;
import org.gongnon.base.ui.Notifications;
import org.gongnon.security.Roles;
import org.gongnon.survey.CitizenSurvey;
import org.gongnon.survey.CitizenSurveyService;
import org.gongnon.survey.SubmitResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One survey as the citizen fills it in on a phone or tablet: first what the answers are for and how long
 * they are kept, with a separate consent; then the questionnaire one section per page, every answer saved as
 * it is given; then a final submit and a thank-you. Reopening resumes on the saved page with the saved answers.
 */
@Route("me/surveys/:waveId")
@RolesAllowed(Roles.CITIZEN)
public class SurveyFormView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(SurveyFormView.class);

    private final transient CitizenSurveyService surveys;
    private final transient Clock clock;
    private long waveId;
    private String title = "";
    private SurveyFormPanel panel;

    public SurveyFormView(CitizenSurveyService surveys, Clock clock) {
        this.surveys = surveys;
        this.clock = clock;
        addClassNames("gn-page", "gn-sf-page", "gn-survey-form");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Long> id = event.getRouteParameters().getLong("waveId");
        if (id.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        waveId = id.get();
        render();
    }

    /** Asks the service where the citizen stands, and shows that step. */
    private void render() {
        removeAll();
        panel = null;
        CitizenSurvey survey;
        try {
            survey = surveys.open(waveId);
        } catch (UserFacingException e) {
            title = getTranslation("survey.form.not-available");
            add(backLink(), new H1(title), new Paragraph(Messages.of(this, e)));
            return;
        }
        title = survey.title().in(getLocale());
        H1 heading = new H1(title);
        heading.setId("survey-title");
        add(backLink(), heading);
        if (survey.submitted()) {
            thanks(survey.submittedAt());
        } else if (!survey.acceptingAnswers()) {
            closed();
        } else if (!survey.consented()) {
            consent(survey);
        } else {
            form(survey);
        }
        // A new step starts at its top, not where the last one was scrolled to.
        heading.scrollIntoView();
    }

    private Anchor backLink() {
        Anchor back = new Anchor("me/surveys", getTranslation("survey.form.back-to-list"));
        back.setId("survey-back-to-list");
        back.addClassName("gn-sf-back-link");
        return back;
    }

    /** PIPA: purpose, items and retention, the right to decline, and a separate, explicit consent. */
    private void consent(CitizenSurvey survey) {
        Section card = new Section();
        card.addClassNames("gn-card", "gn-sf-consent");
        card.setId("survey-consent");
        card.add(new H2(getTranslation("survey.form.consent.title")));
        if (!survey.answers().isEmpty()) {
            Paragraph changed = new Paragraph(getTranslation("survey.form.consent.changed"));
            changed.addClassName("gn-sf-notice");
            card.add(changed);
        }
        card.add(part("survey.form.consent.purpose", survey.purpose().in(getLocale()), "consent-purpose"),
                part("survey.form.consent.items", getTranslation("survey.form.consent.items-text"), "consent-items"),
                part("survey.form.consent.retention", survey.retention().in(getLocale()), "consent-retention"),
                part("survey.form.consent.refusal", getTranslation("survey.form.consent.refusal-text"),
                        "consent-refusal"));
        Checkbox agree = new Checkbox(getTranslation("survey.form.consent.checkbox"));
        agree.setId("consent-checkbox");
        agree.addClassName("gn-sf-consent-checkbox");
        agree.setRequiredIndicatorVisible(true);
        agree.setManualValidation(true);
        agree.setErrorMessage(getTranslation("survey.form.consent.required"));
        agree.addValueChangeListener(e -> agree.setInvalid(false));
        Button start = new Button(getTranslation("survey.form.consent.start"));
        start.setId("consent-start");
        start.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.LARGE);
        start.addClickListener(e -> {
            if (!agree.getValue()) {
                agree.setInvalid(true);
                agree.focus();
                return;
            }
            try {
                surveys.consent(waveId);
            } catch (UserFacingException ex) {
                Notifications.error(Messages.of(this, ex));
            }
            render();
        });
        Anchor later = new Anchor("me/surveys", getTranslation("survey.form.consent.later"));
        later.addClassName("gn-sf-later");
        card.add(agree, start, later);
        add(card);
    }

    private Section part(String headingKey, String text, String id) {
        Section part = new Section();
        part.addClassName("gn-sf-consent-part");
        Paragraph body = new Paragraph(text);
        body.addClassName("gn-description");
        body.setId(id);
        part.add(new H3(getTranslation(headingKey)), body);
        return part;
    }

    private void form(CitizenSurvey survey) {
        panel = new SurveyFormPanel(survey.questionnaire(), getLocale(), survey.answers(), survey.currentSection(),
                new ServiceSink());
        panel.setFinish(getTranslation("survey.form.submit"), this::askToSubmit);
        add(panel);
    }

    /** Checks what can be checked here first; the service checks everything again on submit. */
    private void askToSubmit() {
        if (!panel.saveTyped()) {
            panel.setFinishEnabled(true);
            return;
        }
        List<String> missing = panel.missingRequired();
        if (!missing.isEmpty()) {
            panel.showMissing(missing);
            panel.setFinishEnabled(true);
            return;
        }
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("submit-confirm");
        dialog.setHeader(getTranslation("survey.form.confirm.title"));
        dialog.setText(getTranslation("survey.form.confirm.text"));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("survey.form.confirm.cancel"));
        dialog.setConfirmText(getTranslation("survey.form.confirm.submit"));
        dialog.addConfirmListener(e -> submit());
        dialog.addCancelListener(e -> panel.setFinishEnabled(true));
        dialog.addRejectListener(e -> panel.setFinishEnabled(true));
        dialog.open();
    }

    private void submit() {
        SubmitResult result;
        try {
            result = surveys.submit(waveId);
        } catch (ValidationException e) {
            // What this page believed was answered may be stale (another tab): start again from what is stored.
            render();
            if (panel != null) {
                panel.showMissing(e.problems().stream().map(ValidationException.FieldProblem::field).toList());
            }
            return;
        } catch (UserFacingException e) {
            Notifications.error(Messages.of(this, e));
            // The wave may have closed meanwhile: show where things stand now.
            render();
            return;
        } catch (RuntimeException e) {
            // E.g. the database is restarting: nothing was submitted (one transaction), so the citizen may simply
            // press Submit again; the page and its answers stay as they are.
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("Submitting a survey failed [{}]", reference, e);
            Notifications.error(getTranslation("survey.form.submit-failed", reference));
            panel.setFinishEnabled(true);
            return;
        }
        removeAll();
        panel = null;
        H1 heading = new H1(title);
        heading.setId("survey-title");
        add(backLink(), heading);
        thanks(result.submittedAt());
        heading.scrollIntoView();
    }

    private void thanks(Instant submittedAt) {
        Section card = new Section();
        card.addClassNames("gn-card", "gn-sf-thanks");
        card.setId("survey-thanks");
        card.getElement().setAttribute("role", "status");
        H2 heading = new H2(getTranslation("survey.form.thanks.title"));
        Paragraph when = new Paragraph(getTranslation("survey.form.thanks.text", submittedAt == null ? ""
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(clock.getZone()).format(submittedAt)));
        Anchor home = new Anchor("me", getTranslation("survey.form.thanks.home"));
        home.setId("survey-home");
        home.addClassName("gn-sf-open-primary");
        card.add(heading, when, home);
        add(card);
    }

    private void closed() {
        Section card = new Section();
        card.addClassNames("gn-card", "gn-sf-closed");
        card.setId("survey-closed");
        card.add(new H2(getTranslation("survey.form.closed.title")),
                new Paragraph(getTranslation("survey.form.closed.text")));
        add(card);
    }

    /** Saves through the citizen's service; refusals come back to the question, unexpected failures too. */
    private final class ServiceSink implements AnswerSink {

        @Override
        public Outcome save(String questionCode, List<String> answer) {
            try {
                surveys.saveAnswer(waveId, questionCode, answer);
                return Outcome.ok();
            } catch (UserFacingException e) {
                return Outcome.refused(e);
            } catch (RuntimeException e) {
                String reference = UUID.randomUUID().toString().substring(0, 8);
                log.error("Saving an answer failed [{}]", reference, e);
                return Outcome.refused(new UserFacingException("error.unexpected", reference));
            }
        }

        @Override
        public void progress(int section) {
            try {
                surveys.saveProgress(waveId, section);
            } catch (UserFacingException e) {
                // Only the resume point is lost; the answers were saved one by one.
                log.debug("Progress not saved: {}", e.messageKey());
            }
        }
    }

    @Override
    public String getPageTitle() {
        return (title.isEmpty() ? getTranslation("survey.form.page-title") : title) + " · "
                + getTranslation("app.name");
    }
}
