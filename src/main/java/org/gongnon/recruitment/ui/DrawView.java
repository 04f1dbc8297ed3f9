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
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.security.SecureRandom;
import org.gongnon.base.BackgroundWork;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ui.Messages;
import org.gongnon.base.ui.Notifications;
import org.gongnon.recruitment.DrawAlgorithm;
import org.gongnon.recruitment.DrawPreparation;
import org.gongnon.recruitment.DrawService;
import org.gongnon.recruitment.DrawSummary;
import org.gongnon.recruitment.PublishedListService;
import org.gongnon.recruitment.QuotaConflict;
import org.gongnon.recruitment.TargetsService;
import org.gongnon.security.Roles;

/**
 * Runs the draw: choose the algorithm, see the inputs' fingerprint and the feasibility check, type in
 * the seed (e.g. numbers drawn by witnesses at a public ceremony), and draw. The solver runs in the
 * background with a progress indicator; the result page opens when it is done.
 */
@Route("processes/:processId/recruitment/draw")
@RolesAllowed({Roles.ADMIN, Roles.FACILITATOR})
public class DrawView extends RecruitmentPage {

    static final int MAX_SEED_DIGITS = 18;

    private final transient DrawService draws;
    private final transient TargetsService targets;
    private final transient BackgroundWork background;
    private final transient PublishedListService lists;

    /** Two ways to draw: a seed typed in (or witnesses' numbers), or a published list of panels and a number. */
    enum Mode { SEED, LIST }

    final RadioButtonGroup<Mode> mode = new RadioButtonGroup<>();
    private final Div seedMode = new Div();
    PublishListPanel listPanel;

    final Select<DrawAlgorithm> algorithm = new Select<>();
    final TextField seed = new TextField();
    final Button drawButton = new Button();
    final Div preparation = new Div();
    final ProgressBar progress = new ProgressBar();
    final Span progressText = new Span();
    private DrawPreparation prepared;

    public DrawView(DrawService draws, TargetsService targets, BackgroundWork backgroundWork,
                    PublishedListService lists) {
        super("draw");
        this.lists = lists;
        this.draws = draws;
        this.targets = targets;
        this.background = backgroundWork;
    }

    @Override
    protected String titleKey() {
        return "recruitment.draw.title";
    }

    @Override
    protected void render(BeforeEnterEvent event) {
        algorithm.setLabel(getTranslation("recruitment.draw.algorithm"));
        algorithm.setItems(DrawAlgorithm.values());
        algorithm.setItemLabelGenerator(a -> getTranslation(a.messageKey()));
        algorithm.setValue(DrawAlgorithm.LEXIMIN);
        algorithm.setHelperText(getTranslation("recruitment.draw.algorithm-help"));
        algorithm.addValueChangeListener(e -> prepare());
        algorithm.setId("draw-algorithm");
        algorithm.setWidth("22em");

        seed.setLabel(getTranslation("recruitment.draw.seed"));
        seed.setHelperText(getTranslation("recruitment.draw.seed-help", MAX_SEED_DIGITS));
        seed.setId("draw-seed");
        seed.setWidth("22em");
        Button random = new Button(getTranslation("recruitment.draw.random-seed"), VaadinIcon.RANDOM.create(),
                e -> seed.setValue(String.valueOf(new SecureRandom().nextLong(1, 1_000_000_000_000L))));
        random.addThemeVariants(ButtonVariant.TERTIARY);
        HorizontalLayout seedRow = new HorizontalLayout(seed, random);
        seedRow.setAlignItems(Alignment.BASELINE);

        drawButton.setText(getTranslation("recruitment.draw.run"));
        drawButton.setIcon(VaadinIcon.PLAY.create());
        drawButton.addThemeVariants(ButtonVariant.PRIMARY);
        drawButton.setId("run-draw");
        drawButton.addClickListener(e -> confirmAndDraw());

        progress.setIndeterminate(true);
        progress.setVisible(false);
        progress.getElement().setAttribute("aria-label", getTranslation("recruitment.draw.running"));
        progressText.setVisible(false);
        progressText.getElement().setAttribute("role", "status");
        mode.setLabel(getTranslation("recruitment.draw.mode"));
        mode.setItems(Mode.values());
        mode.setItemLabelGenerator(m -> getTranslation("recruitment.draw.mode." + m.name().toLowerCase(java.util.Locale.ROOT)));
        mode.setValue(Mode.SEED);
        mode.setId("draw-mode");
        mode.addValueChangeListener(e -> showMode(e.getValue()));
        seedMode.add(algorithm, preparation, seedRow, drawButton, progress, progressText);
        body.add(mode, seedMode);
        java.util.List<DrawSummary> earlier = draws.history(processId);
        if (!earlier.isEmpty()) {
            // Drawing again until a panel pleases someone would defeat the lottery: say plainly that every draw stays on record.
            Paragraph again = new Paragraph(getTranslation("recruitment.draw.again", earlier.size(),
                    earlier.getFirst().id()));
            again.addClassName("gn-error-box");
            again.setId("draw-again-warning");
            body.addComponentAtIndex(0, again);
        }
        prepare();
    }

    private void showMode(Mode chosen) {
        seedMode.setVisible(chosen == Mode.SEED);
        if (chosen == Mode.LIST && listPanel == null) {
            listPanel = new PublishListPanel(lists, background, processId);
            body.add(listPanel);
        }
        if (listPanel != null) {
            listPanel.setVisible(chosen == Mode.LIST);
        }
    }

    void prepare() {
        preparation.removeAll();
        prepared = null;
        try {
            prepared = draws.prepare(processId, algorithm.getValue());
        } catch (UserFacingException e) {
            Paragraph problem = new Paragraph(Messages.of(this, e));
            problem.addClassName("gn-error-box");
            problem.getElement().setAttribute("role", "alert");
            preparation.add(problem, new RouterLink(getTranslation("recruitment.nav.targets"), TargetsView.class,
                    routeParameters()));
            drawButton.setEnabled(false);
            return;
        }
        Paragraph facts = new Paragraph(getTranslation("recruitment.draw.facts", prepared.poolSize(),
                prepared.panelSize(), prepared.reserveCount(), prepared.algorithmVersion()));
        Span fingerprint = new Span(prepared.fingerprint());
        fingerprint.addClassName("gn-fingerprint");
        fingerprint.setId("draw-fingerprint");
        Div fingerprintBox = new Div(new H3(getTranslation("recruitment.draw.fingerprint")),
                new Paragraph(getTranslation("recruitment.draw.fingerprint-help")), fingerprint);
        preparation.add(facts, fingerprintBox);
        if (!prepared.feasible()) {
            Div box = new Div();
            box.addClassName("gn-error-box");
            box.getElement().setAttribute("role", "alert");
            box.add(new Paragraph(getTranslation("recruitment.draw.infeasible")));
            UnorderedList list = new UnorderedList();
            for (QuotaConflict c : prepared.conflicts()) {
                list.add(new ListItem(conflictText(c)));
            }
            Button relax = new Button(getTranslation("recruitment.draw.apply-relaxation"), e -> {
                try {
                    targets.applyRelaxation(processId, prepared.conflicts());
                    Notifications.success(getTranslation("recruitment.draw.relaxation-applied"));
                    prepare();
                } catch (UserFacingException ex) {
                    Notifications.error(Messages.of(this, ex));
                }
            });
            relax.setId("apply-relaxation");
            box.add(list, new HorizontalLayout(relax, new RouterLink(getTranslation("recruitment.draw.fix-quotas"),
                    TargetsView.class, routeParameters())));
            box.setId("draw-conflicts");
            preparation.add(box);
        } else {
            Paragraph ok = new Paragraph(getTranslation("recruitment.draw.feasible"));
            ok.addClassName("gn-ok");
            preparation.add(ok);
        }
        drawButton.setEnabled(prepared.feasible());
    }

    String conflictText(QuotaConflict c) {
        String text = getTranslation("recruitment.conflict.head", c.feature(), c.value(), c.poolCount(), c.min(), c.max());
        if (c.relaxedMin() < c.min()) {
            text += " " + getTranslation("recruitment.conflict.lower-min", c.relaxedMin());
        }
        if (c.relaxedMax() > c.max()) {
            text += " " + getTranslation("recruitment.conflict.raise-max", c.relaxedMax());
        }
        return text;
    }

    /** The seed from what the facilitator typed: digits only (spaces, commas and dashes between witnesses' numbers are ignored). */
    static Long parseSeed(String typed) {
        if (typed == null) {
            return null;
        }
        String digits = typed.replaceAll("[\\s,\\-·]", "");
        if (digits.isEmpty() || digits.length() > MAX_SEED_DIGITS || !digits.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.parseLong(digits);
    }

    private void confirmAndDraw() {
        Long value = parseSeed(seed.getValue());
        if (value == null) {
            seed.setInvalid(true);
            seed.setErrorMessage(getTranslation("recruitment.draw.seed-invalid", MAX_SEED_DIGITS));
            seed.focus();
            return;
        }
        seed.setInvalid(false);
        if (prepared == null || !prepared.feasible()) {
            return;
        }
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("recruitment.draw.confirm.title"));
        confirm.setText(getTranslation("recruitment.draw.confirm.text", getTranslation(algorithm.getValue().messageKey()),
                String.valueOf(value), prepared.fingerprint()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("recruitment.draw.run"));
        confirm.addConfirmListener(e -> start(algorithm.getValue(), value, prepared.fingerprint()));
        confirm.open();
    }

    void start(DrawAlgorithm chosen, long seedValue, String fingerprint) {
        SolverRun.start(this, background, "Draw for process " + processId,
                () -> draws.draw(processId, chosen, seedValue, fingerprint), this::setRunning, done -> {
                    Notifications.success(getTranslation("recruitment.draw.done"));
                    UI.getCurrent().navigate(DrawResultView.class, DrawResultView.parameters(processId, done.id()));
                }, this::prepare);
    }

    private void setRunning(boolean running) {
        drawButton.setEnabled(!running);
        algorithm.setReadOnly(running);
        seed.setReadOnly(running);
        progress.setVisible(running);
        progressText.setVisible(running);
        progressText.setText(running ? getTranslation("recruitment.draw.running") : "");
    }
}
