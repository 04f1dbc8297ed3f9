package org.gongnon.process.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ValidationException;
import org.gongnon.base.ui.FieldErrors;
import org.gongnon.base.ui.LocalizedDatePicker;
import org.gongnon.base.ui.Messages;
import org.gongnon.base.ui.Notifications;
import org.gongnon.process.Phase;
import org.gongnon.process.PhasePlan;
import org.gongnon.process.ProcessForm;
import org.gongnon.process.ProcessService;
import org.gongnon.process.ProcessStatus;
import org.gongnon.security.Roles;

/** Create a process or edit one: its question, organiser, status, retention date and phase dates. */
@Route("processes/edit/:id?")
@RolesAllowed({Roles.ADMIN, Roles.FACILITATOR})
public class ProcessEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient ProcessService processes;

    final TextField title = new TextField();
    final TextArea publicQuestion = new TextArea();
    final TextArea description = new TextArea();
    final TextField organiser = new TextField();
    final Select<ProcessStatus> status = new Select<>();
    final DatePicker retentionDate = new LocalizedDatePicker();
    final Map<Phase, DatePicker> starts = new EnumMap<>(Phase.class);
    final Map<Phase, DatePicker> ends = new EnumMap<>(Phase.class);
    final Button save = new Button();
    private final FieldErrors errors = new FieldErrors();
    private ProcessForm loaded;

    public ProcessEditorView(ProcessService processes) {
        this.processes = processes;
        addClassName("gn-page");
        setMaxWidth("960px");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        RouteParameters params = event.getRouteParameters();
        try {
            loaded = params.getLong("id").map(id -> processes.getProcess(id).form())
                    .orElseGet(processes::newProcessTemplate);
        } catch (UserFacingException e) {
            Notifications.error(Messages.of(this, e));
            event.forwardTo(HomeView.class);
            return;
        }
        render();
    }

    private void render() {
        removeAll();
        add(new H2(getTranslation(loaded.id() == null ? "editor.title.new" : "editor.title.edit")));
        title.setLabel(getTranslation("process.title"));
        title.setPlaceholder(getTranslation("editor.title.placeholder"));
        title.setMaxLength(200);
        title.setRequiredIndicatorVisible(true);
        publicQuestion.setLabel(getTranslation("process.public-question"));
        publicQuestion.setHelperText(getTranslation("editor.public-question.help"));
        publicQuestion.setMaxLength(500);
        publicQuestion.setRequiredIndicatorVisible(true);
        description.setLabel(getTranslation("process.description"));
        description.setMaxLength(4000);
        organiser.setLabel(getTranslation("process.organiser"));
        organiser.setMaxLength(200);
        organiser.setRequiredIndicatorVisible(true);
        status.setLabel(getTranslation("process.status"));
        status.setItems(ProcessStatus.values());
        status.setItemLabelGenerator(s -> getTranslation(s.messageKey()));
        retentionDate.setLabel(getTranslation("process.retention-date"));
        retentionDate.setHelperText(getTranslation("editor.retention.help"));
        retentionDate.setRequiredIndicatorVisible(true);

        errors.bind("title", title).bind("publicQuestion", publicQuestion).bind("description", description)
                .bind("organiser", organiser).bind("status", status).bind("retentionDate", retentionDate);

        title.setValue(nullToEmpty(loaded.title()));
        publicQuestion.setValue(nullToEmpty(loaded.publicQuestion()));
        description.setValue(nullToEmpty(loaded.description()));
        organiser.setValue(nullToEmpty(loaded.organiser()));
        status.setValue(loaded.status());
        retentionDate.setValue(loaded.retentionDate());

        FormLayout basics = new FormLayout(title, organiser, publicQuestion, description, status, retentionDate);
        basics.setColspan(publicQuestion, 2);
        basics.setColspan(description, 2);
        add(basics);

        add(new H3(getTranslation("editor.timeline")));
        Div phaseGrid = new Div();
        phaseGrid.addClassName("gn-phase-grid");
        for (Phase phase : Phase.values()) {
            Span name = new Span(getTranslation(phase.messageKey()));
            name.setId("phase-label-" + phase.name());
            DatePicker start = new LocalizedDatePicker();
            DatePicker end = new LocalizedDatePicker();
            start.setAriaLabel(getTranslation("editor.phase-start", getTranslation(phase.messageKey())));
            end.setAriaLabel(getTranslation("editor.phase-end", getTranslation(phase.messageKey())));
            loaded.phases().stream().filter(p -> p.phase() == phase).findFirst().ifPresent(p -> {
                start.setValue(p.start());
                end.setValue(p.end());
            });
            start.addValueChangeListener(e -> {
                if (e.getValue() != null && end.getValue() == null) {
                    end.setValue(e.getValue());
                }
            });
            starts.put(phase, start);
            ends.put(phase, end);
            errors.bind("phase." + phase.name(), start);
            phaseGrid.add(name, start, end);
        }
        add(phaseGrid);

        save.setText(getTranslation("action.save"));
        save.setId("save-process");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> save());
        Button cancel = new Button(getTranslation("action.cancel"), e -> leave(loaded.id()));
        add(new HorizontalLayout(save, cancel));
        title.focus();
    }

    void save() {
        List<PhasePlan> plans = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            plans.add(new PhasePlan(phase, starts.get(phase).getValue(), ends.get(phase).getValue()));
        }
        ProcessForm form = new ProcessForm(loaded.id(), loaded.version(), title.getValue(), publicQuestion.getValue(),
                description.getValue(), organiser.getValue(), status.getValue(), retentionDate.getValue(), plans);
        try {
            long id;
            if (loaded.id() == null) {
                id = processes.createProcess(form);
            } else {
                id = processes.updateProcess(form).id();
            }
            errors.clear();
            Notifications.success(getTranslation("editor.saved"));
            leave(id);
        } catch (ValidationException ex) {
            String rest = errors.show(this, ex);
            Notifications.error(rest.isEmpty() ? getTranslation("validation.failed") : rest);
        } catch (UserFacingException ex) {
            // e.g. someone else saved first: keep what the user typed, tell them what happened.
            Notifications.error(Messages.of(this, ex));
        }
    }

    private void leave(Long id) {
        getUI().ifPresent(ui -> {
            if (id == null) {
                ui.navigate(HomeView.class);
            } else {
                ui.navigate(ProcessDetailView.class, id);
            }
        });
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("editor.page-title") + " · " + getTranslation("app.name");
    }
}
