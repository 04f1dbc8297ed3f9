package org.gongnon.recruitment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongnon.algorithms.sortition.InfeasibleQuotasException;
import org.gongnon.algorithms.sortition.InputsFingerprint;
import org.gongnon.algorithms.sortition.Person;
import org.gongnon.algorithms.sortition.SortitionRun;
import org.gongnon.algorithms.sortition.UniformPanels;
import org.gongnon.base.UserFacingException;
import org.gongnon.process.ProcessAccess;
import org.gongnon.security.CurrentUser;
import org.gongnon.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The draw as a uniform lottery over published panels (Flanigan, Kehne &amp; Procaccia 2021): the LEXIMIN lottery is
 * rounded to M equally likely panels, numbered and published (pool ids only) before the ceremony; the number drawn
 * there picks the panel. The list is immutable; the draw is recorded like any other, naming the list and the number.
 */
@Service
public class PublishedListService {

    private static final Logger log = LoggerFactory.getLogger(PublishedListService.class);

    /** Most panels a list may have: 10,000 is four ten-sided dice. */
    public static final int MAX_PANELS = 10_000;
    /** Most seats a list may hold in all (M × panel size), so that the printable list stays printable. */
    static final long MAX_LISTED_SEATS = 2_000_000;

    private final DrawService draws;
    private final PublishedPanelListRepository lists;
    private final SortitionDrawRepository drawRecords;
    private final ProcessAccess access;
    private final CurrentUser currentUser;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate readWrite;
    private final Clock clock;

    PublishedListService(DrawService draws, PublishedPanelListRepository lists, SortitionDrawRepository drawRecords,
                         ProcessAccess access, CurrentUser currentUser, PlatformTransactionManager transactions,
                         Clock clock) {
        this.draws = draws;
        this.lists = lists;
        this.drawRecords = drawRecords;
        this.access = access;
        this.currentUser = currentUser;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.readWrite = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The inputs and their fingerprint for a list of {@code panelCount} panels (M is part of the inputs). */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional(readOnly = true)
    public DrawPreparation prepare(long processId, int panelCount) {
        access.requireEdit(processId);
        DrawService.Inputs inputs = draws.inputs(processId);
        checkCount(panelCount, inputs.targets().panelSize());
        return DrawService.preparation(inputs, DrawAlgorithm.LEXIMIN.name(), SortitionRun.uniformVersion(panelCount));
    }

    /**
     * Computes and publishes the list. The fingerprint announced to witnesses must still match the inputs; the
     * solver runs outside any transaction, and the inputs are checked again when the list is written.
     */
    @PreAuthorize(Roles.HAS_ORGANISER)
    public PublishedListSummary publish(long processId, int panelCount, String announcedFingerprint) {
        access.requireEdit(processId);
        DrawService.Inputs inputs = readOnly.execute(status -> draws.inputs(processId));
        checkCount(panelCount, inputs.targets().panelSize());
        long started = System.nanoTime();
        SortitionRun.UniformList list;
        try {
            list = SortitionRun.uniformList(inputs.problem(), panelCount, inputs.targets().reserveCount());
        } catch (InfeasibleQuotasException e) {
            throw new UserFacingException("recruitment.draw.infeasible-short");
        } catch (IllegalStateException | IllegalArgumentException e) {
            log.warn("Published list for process {} failed", processId, e);
            throw new UserFacingException("recruitment.draw.failed", DrawAlgorithm.LEXIMIN.messageKey());
        }
        long durationMs = (System.nanoTime() - started) / 1_000_000;
        if (!list.fingerprint().equals(announcedFingerprint)) {
            throw new UserFacingException("recruitment.draw.inputs-changed");
        }
        String by = currentUser.actorName();
        return readWrite.execute(status -> {
            DrawService.Inputs now = draws.inputs(processId);
            if (!fingerprint(now, panelCount).equals(list.fingerprint())) {
                throw new UserFacingException("recruitment.draw.inputs-changed");
            }
            PublishedPanelList saved = lists.saveAndFlush(new PublishedPanelList(processId, clock.instant(), by,
                    list.fingerprint(), panelCount, inputs.targets().panelSize(), inputs.targets().reserveCount(),
                    list.lottery().minimumProbability(), list.panels().minimumShare(), durationMs,
                    panelsCsv(list.panels()), DrawService.quotasCsv(inputs.problem().quotas()),
                    DrawService.populationCsv(inputs.targets()), DrawService.distributionCsv(list.lottery()),
                    DrawService.peopleCsv(inputs.problem()), list.lottery().certificate()));
            return saved.toSummary();
        });
    }

    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional(readOnly = true)
    public List<PublishedListSummary> lists(long processId) {
        access.requireEdit(processId);
        return lists.findByProcessIdOrderByIdDesc(processId).stream().map(PublishedPanelList::toSummary).toList();
    }

    /** A list with its panels, for the printable page; only under its own process. */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional(readOnly = true)
    public PublishedList list(long processId, long listId) {
        PublishedPanelList list = load(processId, listId);
        List<DrawSummary> made = drawRecords.findByPanelListIdOrderByIdAsc(listId).stream()
                .map(d -> d.toSummary(0)).toList();
        return new PublishedList(list.toSummary(), panels(list.getPanelsCsv()), made);
    }

    /** The list as published, as a CSV file (number,members), the form `sortition verify` reads. */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional(readOnly = true)
    public String listCsv(long processId, long listId) {
        return load(processId, listId).getPanelsCsv();
    }

    /**
     * Draws panel {@code number} of the list: the panel, its reserves (seeded by the number) and every pool member's
     * share of the list are recorded as a draw. Refused when the pool or quotas changed since the list was published.
     */
    @PreAuthorize(Roles.HAS_ORGANISER)
    public DrawSummary draw(long processId, long listId, int number) {
        String by = currentUser.actorName();
        return readWrite.execute(status -> {
            PublishedPanelList list = load(processId, listId);
            if (number < 1 || number > list.getPanelCount()) {
                throw new UserFacingException("recruitment.list.number-invalid", list.getPanelCount());
            }
            DrawService.Inputs now = draws.inputs(processId);
            if (!fingerprint(now, list.getPanelCount()).equals(list.getFingerprint())) {
                throw new UserFacingException("recruitment.list.inputs-changed");
            }
            List<List<String>> panels = panels(list.getPanelsCsv());
            List<String> panel = panels.get(number - 1);
            List<String> reserves = SortitionRun.uniformReserves(now.problem(), panel, number, list.getReserveCount());
            Map<String, Integer> appearances = new LinkedHashMap<>();
            panels.forEach(p -> p.forEach(id -> appearances.merge(id, 1, Integer::sum)));
            Map<String, Double> shares = new LinkedHashMap<>();
            for (Person p : now.problem().pool()) {
                shares.put(p.id(), appearances.getOrDefault(p.id(), 0) / (double) list.getPanelCount());
            }
            SortitionDraw record = drawRecords.saveAndFlush(new SortitionDraw(processId, clock.instant(), by,
                    DrawAlgorithm.LEXIMIN.name(), DrawAlgorithm.LEXIMIN.version(), number, list.getFingerprint(),
                    panel.size(), list.getReserveCount(), list.getMinProbability(), 0, list.getQuotasCsv(),
                    list.getPopulationCsv(), list.getDistributionCsv(), list.getPeopleCsv(),
                    list.certificate().orElse(null)).fromList(listId, number, list.getPanelCount()));
            draws.writeEntries(record.getId(), shares, panel, reserves);
            return record.toSummary(0);
        });
    }

    private PublishedPanelList load(long processId, long listId) {
        PublishedPanelList list = lists.findById(listId).filter(l -> l.getProcessId() == processId)
                .orElseThrow(() -> new UserFacingException("recruitment.list.not-found"));
        access.requireEdit(list.getProcessId());
        return list;
    }

    private static void checkCount(int panelCount, int panelSize) {
        if (panelCount < 1 || panelCount > MAX_PANELS || (long) panelCount * panelSize > MAX_LISTED_SEATS) {
            throw new UserFacingException("recruitment.list.count-invalid",
                    Math.min(MAX_PANELS, Math.max(1, MAX_LISTED_SEATS / Math.max(1, panelSize))));
        }
    }

    private static String fingerprint(DrawService.Inputs inputs, int panelCount) {
        return InputsFingerprint.of(inputs.problem(), SortitionRun.uniformVersion(panelCount),
                inputs.targets().reserveCount());
    }

    /** "number,members" with a header, members separated by single spaces: as the command writes panels.csv. */
    static String panelsCsv(UniformPanels panels) {
        StringBuilder s = new StringBuilder("number,members\n");
        for (int n = 1; n <= panels.count(); n++) {
            s.append(n).append(',').append(String.join(" ", panels.panel(n))).append('\n');
        }
        return s.toString();
    }

    static List<List<String>> panels(String csv) {
        List<List<String>> panels = new ArrayList<>();
        String[] lines = csv.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String members = lines[i].substring(lines[i].indexOf(',') + 1);
            panels.add(members.isEmpty() ? List.of() : List.of(members.split(" ")));
        }
        return panels;
    }
}
