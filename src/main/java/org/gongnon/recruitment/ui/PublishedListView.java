package org.gongnon.recruitment.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParam;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ui.Notifications;
import org.gongnon.process.ProcessService;
import org.gongnon.recruitment.DrawSummary;
import org.gongnon.recruitment.PublishedList;
import org.gongnon.recruitment.PublishedListService;
import org.gongnon.recruitment.PublishedListSummary;
import org.gongnon.security.Roles;

/**
 * A published list of M equally likely panels: the printable numbered list (pool ids only, no names) to hand to
 * witnesses before the ceremony, and the field for the number drawn there, which picks the panel.
 */
@Route("processes/:processId/recruitment/lists/:listId")
@RolesAllowed({Roles.ADMIN, Roles.FACILITATOR})
public class PublishedListView extends RecruitmentPage {

    private final transient PublishedListService lists;
    private final transient ProcessService processes;
    private final transient java.time.Clock clock;
    PublishedList list;
    final IntegerField number = new IntegerField();
    final Button drawButton = new Button();
    final OrderedList panels = new OrderedList();

    public PublishedListView(PublishedListService lists, ProcessService processes, java.time.Clock clock) {
        super("draw");
        this.lists = lists;
        this.processes = processes;
        this.clock = clock;
    }

    static RouteParameters parameters(long processId, long listId) {
        return new RouteParameters(new RouteParam("processId", String.valueOf(processId)),
                new RouteParam("listId", String.valueOf(listId)));
    }

    @Override
    protected String titleKey() {
        return "recruitment.list.title";
    }

    @Override
    protected void render(BeforeEnterEvent event) {
        long listId = event.getRouteParameters().getLong("listId")
                .orElseThrow(() -> new UserFacingException("recruitment.list.not-found"));
        list = lists.list(processId, listId);
        PublishedListSummary s = list.summary();
        // What witnesses get on paper: the facts and the numbered list, nothing else of the app.
        Div printed = new Div(facts(s), listBox(s));
        printed.addClassName("gn-print-area");
        printed.setWidthFull();
        body.add(drawBox(s), printed);
    }

    private Div facts(PublishedListSummary s) {
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale())
                .withZone(clock.getZone());
        Div box = new Div();
        box.addClassName("gn-card");
        // On paper the list must say whose it is: the app's frame, with the process, is not printed.
        Paragraph process = new Paragraph(getTranslation("recruitment.list.process",
                processes.getProcess(processId).form().title()));
        process.setId("list-process");
        box.add(process, new H3(getTranslation("recruitment.list.heading", s.id(), s.panelCount())));
        box.add(new Paragraph(getTranslation("recruitment.list.facts", time.format(s.publishedAt()), s.publishedBy(),
                s.panelCount(), s.panelSize(), s.reserveCount())));
        Span fingerprint = new Span(s.fingerprint());
        fingerprint.addClassName("gn-fingerprint");
        fingerprint.setId("list-view-fingerprint");
        box.add(new Paragraph(getTranslation("recruitment.draw.fingerprint") + ": "), fingerprint);
        Paragraph loss = new Paragraph(getTranslation("recruitment.list.loss",
                Formats.probability(getLocale(), s.minProbability()), Formats.probability(getLocale(), s.lotteryMinProbability()),
                Formats.points(getLocale(), s.loss())));
        loss.setId("list-loss");
        box.add(loss);
        s.certificate().ifPresent(c -> box.add(new Paragraph(Formats.certificate(this, getLocale(), c))));
        return box;
    }

    private Div drawBox(PublishedListSummary s) {
        Div box = new Div();
        box.addClassName("gn-card");
        box.addClassName("gn-no-print");
        box.add(new H3(getTranslation("recruitment.list.draw-heading")));
        if (!list.draws().isEmpty()) {
            // Every draw stays on record; drawing again from the same list is allowed but visible to all.
            Paragraph again = new Paragraph(getTranslation("recruitment.list.drawn-already", list.draws().size()));
            again.addClassName("gn-error-box");
            again.setId("list-drawn-already");
            box.add(again);
            for (DrawSummary d : list.draws()) {
                box.add(new Paragraph(new RouterLink(getTranslation("recruitment.list.draw-link", d.id(), d.seed()),
                        DrawResultView.class, DrawResultView.parameters(processId, d.id()))));
            }
        }
        number.setLabel(getTranslation("recruitment.list.number"));
        number.setHelperText(getTranslation("recruitment.list.number-help", s.panelCount()));
        number.setMin(1);
        number.setMax(s.panelCount());
        number.setId("list-number");
        // The browser checks the range as the number is typed: say why the field turns red, not only that it does.
        String outOfRange = getTranslation("recruitment.list.number-invalid", s.panelCount());
        number.setI18n(new IntegerField.IntegerFieldI18n().setMinErrorMessage(outOfRange)
                .setMaxErrorMessage(outOfRange).setBadInputErrorMessage(outOfRange));
        drawButton.setText(getTranslation("recruitment.list.draw"));
        drawButton.setIcon(VaadinIcon.PLAY.create());
        drawButton.addThemeVariants(ButtonVariant.PRIMARY);
        drawButton.setId("draw-from-list");
        drawButton.addClickListener(e -> confirmAndDraw(s));
        // Typing the number called out and pressing Enter draws, as in any form.
        drawButton.addClickShortcut(Key.ENTER).listenOn(number);
        HorizontalLayout row = new HorizontalLayout(number, drawButton);
        row.setAlignItems(Alignment.BASELINE);
        // On a phone the button goes below the field rather than off the screen.
        row.setWrap(true);
        box.add(row);
        return box;
    }

    private Div listBox(PublishedListSummary s) {
        Div box = new Div();
        Button print = new Button(getTranslation("recruitment.list.print"), VaadinIcon.PRINT.create(),
                e -> getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
        print.setId("print-list");
        print.addClassName("gn-no-print");
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] csv = lists.listCsv(processId, s.id()).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(csv), "panels-" + s.id() + ".csv", "text/csv", csv.length);
        }), getTranslation("recruitment.list.download"));
        download.getElement().setAttribute("download", true);
        download.setId("download-list");
        download.addClassName("gn-no-print");
        HorizontalLayout actions = new HorizontalLayout(print, download);
        actions.setAlignItems(Alignment.BASELINE);
        box.add(new H3(getTranslation("recruitment.list.panels", s.panelCount())), actions,
                new Paragraph(getTranslation("recruitment.list.ids-only")));
        panels.setId("panel-list");
        panels.addClassName("gn-panel-list");
        List<List<String>> all = list.panels();
        for (List<String> members : all) {
            panels.add(new ListItem(String.join(" ", members)));
        }
        box.add(panels);
        return box;
    }

    private void confirmAndDraw(PublishedListSummary s) {
        Integer n = number.getValue();
        if (n == null || n < 1 || n > s.panelCount()) {
            number.setInvalid(true);
            number.setErrorMessage(getTranslation("recruitment.list.number-invalid", s.panelCount()));
            number.focus();
            return;
        }
        number.setInvalid(false);
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("recruitment.list.draw-confirm.title"));
        confirm.setText(getTranslation("recruitment.list.draw-confirm.text", n, s.panelCount()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("recruitment.list.draw"));
        confirm.addConfirmListener(e -> {
            DrawSummary done = lists.draw(processId, s.id(), n);
            Notifications.success(getTranslation("recruitment.draw.done"));
            getUI().ifPresent(ui -> ui.navigate(DrawResultView.class, DrawResultView.parameters(processId, done.id())));
        });
        confirm.open();
    }
}
