package org.gongnon.survey.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ui.Messages;
import org.gongnon.security.Roles;
import org.gongnon.survey.CitizenSurveyService;
import org.gongnon.survey.MyWave;

/** The citizen's surveys: the waves addressed to them, where they stand in each, and a way in. */
@Route("me/surveys")
@RolesAllowed(Roles.CITIZEN)
@Menu(title = "survey.mine.nav", order = 3, icon = "CLIPBOARD_CHECK")
public class CitizenSurveysView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient CitizenSurveyService surveys;

    public CitizenSurveysView(CitizenSurveyService surveys) {
        this.surveys = surveys;
        addClassNames("gn-page", "gn-sf-page", "gn-my-surveys");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        H1 title = new H1(getTranslation("survey.mine.title"));
        List<MyWave> waves;
        try {
            waves = surveys.myWaves();
        } catch (UserFacingException e) {
            add(title, new Paragraph(Messages.of(this, e)));
            return;
        }
        Paragraph intro = new Paragraph(getTranslation("survey.mine.intro"));
        intro.addClassName("gn-muted");
        add(title, intro);
        if (waves.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("survey.mine.empty"));
            empty.addClassName("gn-empty");
            empty.setId("my-surveys-empty");
            add(empty);
            return;
        }
        waves.forEach(w -> add(card(w)));
    }

    private Component card(MyWave wave) {
        Section card = new Section();
        card.addClassNames("gn-card", "gn-sf-wave-card");
        card.getElement().setAttribute("data-wave", String.valueOf(wave.waveId()));
        String name = wave.title().in(getLocale());
        H2 heading = new H2(name);
        String state = wave.state().name().toLowerCase(Locale.ROOT);
        Span badge = new Span(getTranslation("survey.mine.state." + state));
        badge.addClassNames("gn-badge", "gn-sf-state", "gn-sf-state-" + state.replace('_', '-'));
        card.add(heading, badge);
        boolean answering = wave.state() == MyWave.State.NOT_STARTED || wave.state() == MyWave.State.IN_PROGRESS;
        if (answering && wave.closesAt() != null) {
            Paragraph closes = new Paragraph(getTranslation("survey.mine.closes", dateTime(wave.closesAt())));
            closes.addClassName("gn-muted");
            card.add(closes);
        }
        String action = switch (wave.state()) {
            case NOT_STARTED -> "survey.mine.start";
            case IN_PROGRESS -> "survey.mine.continue";
            case SUBMITTED -> "survey.mine.view";
            case CLOSED -> null;
        };
        if (action == null) {
            Paragraph note = new Paragraph(getTranslation("survey.mine.closed-note"));
            note.addClassName("gn-muted");
            card.add(note);
        } else {
            Anchor open = new Anchor("me/surveys/" + wave.waveId(), getTranslation(action));
            open.addClassName(answering ? "gn-sf-open-primary" : "gn-sf-open");
            open.setId("open-survey-" + wave.waveId());
            // Several cards say "Start": the survey's name tells them apart for screen readers.
            open.getElement().setAttribute("aria-label", name + " · " + getTranslation(action));
            card.add(open);
        }
        return card;
    }

    private String dateTime(LocalDateTime time) {
        return time.format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("survey.mine.title") + " · " + getTranslation("app.name");
    }
}
