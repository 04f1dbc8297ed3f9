package org.gongnon.recruitment.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.RouterLink;
import org.gongnon.algorithms.sortition.UniformPanels;
import org.gongnon.base.BackgroundWork;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ui.Messages;
import org.gongnon.base.ui.Notifications;
import org.gongnon.recruitment.DrawPreparation;
import org.gongnon.recruitment.PublishedListService;
import org.gongnon.recruitment.PublishedListSummary;

/**
 * The draw page's second mode: publish a uniform lottery over M panels before the ceremony (the list opens in
 * {@link PublishedListView}, where the number drawn in public picks the panel).
 */
class PublishListPanel extends VerticalLayout {

    private final transient PublishedListService lists;
    private final transient BackgroundWork background;
    private final long processId;
    final IntegerField count = new IntegerField();
    final Button publish = new Button();
    private final Div preparation = new Div();
    private final ProgressBar progress = new ProgressBar();
    private final Span progressText = new Span();
    private DrawPreparation prepared;

    PublishListPanel(PublishedListService lists, BackgroundWork background, long processId) {
        this.lists = lists;
        this.background = background;
        this.processId = processId;
        setPadding(false);
        setId("publish-list-panel");
        add(new Paragraph(getTranslation("recruitment.list.intro")));

        count.setLabel(getTranslation("recruitment.list.count"));
        count.setHelperText(getTranslation("recruitment.list.count-help"));
        count.setMin(1);
        count.setMax(PublishedListService.MAX_PANELS);
        count.setStepButtonsVisible(true);
        count.setValue(UniformPanels.DEFAULT_COUNT);
        count.setId("list-count");
        // Without a valid M there is no fingerprint and no button: the field says why.
        String outOfRange = getTranslation("recruitment.list.count-invalid", PublishedListService.MAX_PANELS);
        count.setRequiredIndicatorVisible(true);
        count.setI18n(new IntegerField.IntegerFieldI18n().setRequiredErrorMessage(outOfRange)
                .setMinErrorMessage(outOfRange).setMaxErrorMessage(outOfRange).setBadInputErrorMessage(outOfRange));
        count.addValueChangeListener(e -> prepare());

        publish.setText(getTranslation("recruitment.list.publish"));
        publish.setIcon(VaadinIcon.PRINT.create());
        publish.addThemeVariants(ButtonVariant.PRIMARY);
        publish.setId("publish-list");
        publish.addClickListener(e -> confirmAndPublish());

        progress.setIndeterminate(true);
        progress.setVisible(false);
        progress.getElement().setAttribute("aria-label", getTranslation("recruitment.list.running"));
        progressText.getElement().setAttribute("role", "status");
        add(count, preparation, publish, progress, progressText, earlierLists());
        prepare();
    }

    private Div earlierLists() {
        Div box = new Div();
        box.setId("published-lists");
        java.util.List<PublishedListSummary> earlier = lists.lists(processId);
        if (earlier.isEmpty()) {
            return box;
        }
        box.add(new H3(getTranslation("recruitment.list.earlier")));
        UnorderedList items = new UnorderedList();
        for (PublishedListSummary s : earlier) {
            items.add(new ListItem(new RouterLink(getTranslation("recruitment.list.link", s.id(), s.panelCount()),
                    PublishedListView.class, PublishedListView.parameters(processId, s.id()))));
        }
        box.add(items);
        return box;
    }

    void prepare() {
        preparation.removeAll();
        prepared = null;
        Integer m = count.getValue();
        if (m == null || count.isInvalid()) {
            publish.setEnabled(false);
            return;
        }
        try {
            prepared = lists.prepare(processId, m);
        } catch (UserFacingException e) {
            Paragraph problem = new Paragraph(Messages.of(this, e));
            problem.addClassName("gn-error-box");
            problem.getElement().setAttribute("role", "alert");
            preparation.add(problem);
            publish.setEnabled(false);
            return;
        }
        Span fingerprint = new Span(prepared.fingerprint());
        fingerprint.addClassName("gn-fingerprint");
        fingerprint.setId("list-fingerprint");
        preparation.add(new H3(getTranslation("recruitment.draw.fingerprint")),
                new Paragraph(getTranslation("recruitment.list.fingerprint-help", m)), fingerprint);
        if (!prepared.feasible()) {
            Paragraph infeasible = new Paragraph(getTranslation("recruitment.draw.infeasible-short"));
            infeasible.addClassName("gn-error-box");
            preparation.add(infeasible);
        }
        publish.setEnabled(prepared.feasible());
    }

    private void confirmAndPublish() {
        if (prepared == null || !prepared.feasible()) {
            return;
        }
        int m = count.getValue();
        String fingerprint = prepared.fingerprint();
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("recruitment.list.confirm.title"));
        confirm.setText(getTranslation("recruitment.list.confirm.text", m, fingerprint));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("recruitment.list.publish"));
        confirm.addConfirmListener(e -> start(m, fingerprint));
        confirm.open();
    }

    void start(int m, String fingerprint) {
        SolverRun.start(this, background, "Published list for process " + processId,
                () -> lists.publish(processId, m, fingerprint), this::setRunning, done -> {
                    Notifications.success(getTranslation("recruitment.list.published"));
                    UI.getCurrent().navigate(PublishedListView.class, PublishedListView.parameters(processId, done.id()));
                }, this::prepare);
    }

    private void setRunning(boolean running) {
        publish.setEnabled(!running);
        count.setReadOnly(running);
        progress.setVisible(running);
        progressText.setText(running ? getTranslation("recruitment.list.running") : "");
    }
}
