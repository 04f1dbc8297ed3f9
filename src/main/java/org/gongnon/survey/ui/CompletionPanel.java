package org.gongnon.survey.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.shared.Registration;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.function.Supplier;
import org.gongnon.base.UserFacingException;
import org.gongnon.survey.Completion;

/**
 * How far a wave's audience has got: overall and per stratum (each value of each recruitment feature), with a
 * bar for each. While the wave is open the panel refreshes itself every few seconds, and only while it is on
 * the page: polling starts when it is attached and stops when it is removed (the app uses no server push).
 */
class CompletionPanel extends Div {

    static final int POLL_MILLIS = 5000;

    private final transient Supplier<Completion> source;
    private final transient Runnable alsoOnPoll;
    private final boolean live;
    final ProgressBar overallBar = new ProgressBar();
    final Paragraph overall = new Paragraph();
    final Grid<Completion.StratumCompletion> strata = new Grid<>();
    Completion completion;
    private Registration pollRegistration;

    /**
     * @param source     reads the completion anew
     * @param live       refresh by polling (an open wave)
     * @param alsoOnPoll run after each refresh by polling, e.g. to update the waves list's counts
     */
    CompletionPanel(Supplier<Completion> source, boolean live, Runnable alsoOnPoll) {
        this.source = source;
        this.live = live;
        this.alsoOnPoll = alsoOnPoll;
        addClassNames("gn-card", "gn-survey-completion");
        setId("completion-panel");
        H3 heading = new H3(getTranslation("survey.completion.title"));
        heading.setId("completion-heading");
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-labelledby", "completion-heading");
        add(heading);
        if (live) {
            Paragraph hint = new Paragraph(getTranslation("survey.completion.live", POLL_MILLIS / 1000));
            hint.addClassName("gn-hint");
            add(hint);
        }
        overall.setId("completion-overall");
        overallBar.setId("completion-overall-bar");
        overallBar.getElement().setAttribute("aria-labelledby", "completion-overall");
        strata.addColumn(Completion.StratumCompletion::feature).setHeader(getTranslation("survey.completion.feature"))
                .setAutoWidth(true);
        strata.addColumn(Completion.StratumCompletion::value).setHeader(getTranslation("survey.completion.value"))
                .setAutoWidth(true);
        strata.addColumn(Completion.StratumCompletion::audience).setHeader(getTranslation("survey.completion.audience"))
                .setAutoWidth(true).setFlexGrow(0);
        strata.addColumn(Completion.StratumCompletion::started).setHeader(getTranslation("survey.completion.started"))
                .setAutoWidth(true).setFlexGrow(0);
        strata.addColumn(Completion.StratumCompletion::submitted)
                .setHeader(getTranslation("survey.completion.submitted")).setAutoWidth(true).setFlexGrow(0);
        strata.addColumn(s -> percent(s.submittedShare())).setHeader(getTranslation("survey.completion.percent"))
                .setAutoWidth(true).setFlexGrow(0);
        strata.addComponentColumn(s -> {
            ProgressBar bar = new ProgressBar(0, 1, s.submittedShare());
            // The row's figures are read out already: the bar is for the eye.
            bar.getElement().setAttribute("aria-hidden", "true");
            return bar;
        }).setHeader(getTranslation("survey.completion.bar")).setFlexGrow(1);
        strata.addThemeVariants(GridVariant.ROW_STRIPES);
        strata.setAllRowsVisible(true);
        strata.setAriaLabel(getTranslation("survey.completion.strata"));
        strata.setEmptyStateText(getTranslation("survey.completion.no-strata"));
        add(overall, overallBar, strata);
        refresh();
    }

    boolean isLive() {
        return live;
    }

    final void refresh() {
        completion = source.get();
        overall.setText(getTranslation("survey.completion.overall", completion.submitted(), completion.audience(),
                percent(completion.submittedShare()), completion.started()));
        overallBar.setValue(completion.submittedShare());
        strata.setItems(completion.strata());
    }

    private String percent(double share) {
        NumberFormat format = NumberFormat.getPercentInstance(getLocale() == null ? Locale.KOREAN : getLocale());
        format.setMaximumFractionDigits(0);
        return format.format(share);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (live) {
            UI ui = attachEvent.getUI();
            ui.setPollInterval(POLL_MILLIS);
            pollRegistration = ui.addPollListener(e -> {
                try {
                    refresh();
                } catch (UserFacingException ex) {
                    // e.g. the wave was deleted meanwhile: the page's own refresh below shows how things stand.
                }
                alsoOnPoll.run();
            });
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (pollRegistration != null) {
            detachEvent.getUI().setPollInterval(-1);
            pollRegistration.remove();
            pollRegistration = null;
        }
        super.onDetach(detachEvent);
    }
}
