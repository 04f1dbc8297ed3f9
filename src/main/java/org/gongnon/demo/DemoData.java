package org.gongnon.demo;

import org.gongnon.recruitment.DrawAlgorithm;
import org.gongnon.recruitment.DrawService;
import org.gongnon.recruitment.DrawSummary;
import org.gongnon.recruitment.PoolFilePreview;
import org.gongnon.recruitment.PoolService;
import org.gongnon.recruitment.TargetsService;
import org.gongnon.recruitment.PanelSeatingService;
import org.gongnon.scheduling.AttendanceService;
import org.gongnon.scheduling.InvitationService;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.gongnon.process.IssuedAccess;
import org.gongnon.process.PanelMemberSummary;
import org.gongnon.process.PanelService;
import org.gongnon.process.Phase;
import org.gongnon.process.PhasePlan;
import org.gongnon.process.ProcessForm;
import org.gongnon.process.ProcessRole;
import org.gongnon.process.ProcessService;
import org.gongnon.process.ProcessStatus;
import org.gongnon.process.ProcessSummary;
import org.gongnon.security.NewStaffAccount;
import org.gongnon.security.StaffAccountService;
import org.gongnon.security.StaffAccountSummary;
import org.gongnon.security.StaffRole;
import org.gongnon.security.SystemAuthority;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo: when the database has no accounts yet, creates demo staff accounts and the Seoul
 * waste-facility siting deliberation, through the same services the UI uses. At every start it issues
 * a fresh personal link and code for the demo citizen and prints all demo logins.
 * Off with {@code gongnon.demo.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "gongnon.demo.enabled", havingValue = "true")
public class DemoData implements ApplicationRunner {

    public static final String PROCESS_TITLE = "서울시 생활폐기물 처리시설 공론화";
    public static final List<DemoLogin> LOGINS = List.of(
            new DemoLogin("admin", "gongnon-admin", StaffRole.ADMIN, "관리자"),
            new DemoLogin("facilitator", "gongnon-facilitator", StaffRole.FACILITATOR, "박진행"),
            new DemoLogin("official", "gongnon-official", StaffRole.OFFICIAL, "이공무"));

    static final long DEMO_SEED = 20_261_122L;
    static final String DEMO_SHARES_SOURCE = "서울시 주민등록 인구(대략값, 데모용) — approximate, for the demo";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final StaffAccountService accounts;
    private final ProcessService processes;
    private final PanelService panel;
    private final TargetsService targets;
    private final PoolService pool;
    private final DrawService draws;
    private final PanelSeatingService seating;
    private final DemoProgramme programme;
    private final InvitationService invitations;
    private final AttendanceService attendance;
    private final DemoSurveys surveys;
    private final DemoRecommendations recommendations;
    private final Clock clock;

    DemoData(StaffAccountService accounts, ProcessService processes, PanelService panel, TargetsService targets,
             PoolService pool, DrawService draws, PanelSeatingService seating, DemoProgramme programme,
             InvitationService invitations, AttendanceService attendance, DemoSurveys surveys,
             DemoRecommendations recommendations, Clock clock) {
        this.surveys = surveys;
        this.recommendations = recommendations;
        this.seating = seating;
        this.programme = programme;
        this.invitations = invitations;
        this.attendance = attendance;
        this.accounts = accounts;
        this.processes = processes;
        this.panel = panel;
        this.targets = targets;
        this.pool = pool;
        this.draws = draws;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        IssuedAccess citizen = SystemAuthority.runAsSystem(() -> {
            if (accounts.listAccounts().isEmpty()) {
                create();
            }
            return issueDemoCitizenAccess();
        });
        StringBuilder banner = new StringBuilder("\n\n=== Gongnon demo ===\n");
        LOGINS.forEach(l -> banner.append(String.format("  %-12s %-12s password: %s%n", l.role(), l.username(),
                l.password())));
        if (citizen != null) {
            banner.append(String.format("  %-12s %s: %s  (code %s)%n", "CITIZEN", citizen.displayName(),
                    citizen.link(), citizen.code()));
            banner.append("  The citizen link and code are issued anew at every start.\n");
        }
        banner.append("  Turn the demo off in production: GONGNON_DEMO_ENABLED=false\n");
        log.info(banner.toString());
    }

    private void create() {
        for (DemoLogin login : LOGINS) {
            accounts.createAccount(new NewStaffAccount(login.username(), login.displayName(), login.role(),
                    login.password()));
        }
        long processId = processes.createProcess(demoProcess(LocalDate.now(clock)));
        for (StaffAccountSummary account : accounts.listAccounts()) {
            if (account.role() != StaffRole.ADMIN) {
                processes.assignToProcess(processId, account.id(), ProcessRole.valueOf(account.role().name()));
            }
        }
        long drawId = recruitment(processId);
        seating.seatPanel(drawId);
        long today = programme.create(processId, LocalDate.now(clock));
        todaysArrivals(processId, today);
        long started = System.nanoTime();
        surveys.create(processId, demoCitizen(panel.activePanel(processId)).orElseThrow().id());
        log.info("Demo surveys: four waves with their answers in {} ms", (System.nanoTime() - started) / 1_000_000);
        started = System.nanoTime();
        recommendations.create(processId);
        log.info("Demo recommendations: the vote, five items, a published report and two responses in {} ms",
                (System.nanoTime() - started) / 1_000_000);
        log.info("Demo data created: process '{}' with {} panel members", PROCESS_TITLE,
                panel.activePanel(processId).size());
    }

    /**
     * Recruitment as a newcomer should first see it: Seoul's targets, a skewed synthetic pool of 1,000
     * respondents imported through the normal import path, and one completed LEXIMIN draw of 300 with reserves.
     */
    private long recruitment(long processId) {
        targets.save(processId, targets.seoulDefaults(DEMO_SHARES_SOURCE));
        byte[] csv = SyntheticPool.toCsv(SyntheticPool.generate());
        PoolFilePreview preview = pool.preview(processId, "demo-poll-respondents.csv", csv);
        pool.importFile(processId, preview.fileName(), csv, preview.guessed(), false, (key, args) -> key, n -> { });
        String fingerprint = draws.prepare(processId, DrawAlgorithm.LEXIMIN).fingerprint();
        DrawSummary draw = draws.draw(processId, DrawAlgorithm.LEXIMIN, DEMO_SEED, fingerprint);
        log.info("Demo draw: {} of {} by LEXIMIN, seed {}, smallest selection probability {}", draw.panelSize(),
                preview.rowCount(), DEMO_SEED, draw.minProbability());
        return draw.id();
    }

    /**
     * Today's grand deliberation is under way: about two thirds of those who said yes have checked in so far,
     * the demo citizen among them.
     */
    private void todaysArrivals(long processId, long sessionId) {
        long demoCitizen = demoCitizen(panel.activePanel(processId)).orElseThrow().id();
        java.util.Random random = new java.util.Random(DEMO_SEED);
        java.util.List<Long> arrived = new java.util.ArrayList<>();
        invitations.invitations(sessionId).stream()
                .filter(r -> r.status() == org.gongnon.scheduling.InvitationStatus.CONFIRMED)
                .filter(r -> r.panelMemberId() == demoCitizen || random.nextDouble() < 0.65)
                .forEach(r -> arrived.add(r.panelMemberId()));
        if (!arrived.contains(demoCitizen)) {
            invitations.recordResponse(sessionId, demoCitizen, org.gongnon.scheduling.InvitationStatus.CONFIRMED);
            arrived.add(demoCitizen);
        }
        attendance.recordSignInSheet(sessionId, arrived, java.util.Set.of());
        programme.seatToday(sessionId);
    }

    /** The panel member whose link and code the demo prints: the first one seated from the draw. */
    public static java.util.Optional<PanelMemberSummary> demoCitizen(List<PanelMemberSummary> panel) {
        return panel.stream().filter(m -> m.poolMemberId() != null && !m.withdrawn())
                .min(java.util.Comparator.comparingLong(PanelMemberSummary::id));
    }

    private IssuedAccess issueDemoCitizenAccess() {
        return processes.listMyProcesses().stream()
                .filter(p -> p.title().equals(PROCESS_TITLE))
                .map(ProcessSummary::id)
                .findFirst()
                .flatMap(id -> demoCitizen(panel.listPanel(id)))
                .map(PanelMemberSummary::id)
                .map(panel::issueAccess)
                .orElse(null);
    }

    /** The demo process sits in its deliberation rounds today, whenever today is. */
    static ProcessForm demoProcess(LocalDate today) {
        int[][] offsets = {{-150, -121}, {-120, -91}, {-90, -61}, {-60, -53}, {-52, -31}, {-30, 20}, {21, 34},
                {35, 60}, {61, 150}};
        List<PhasePlan> phases = java.util.Arrays.stream(Phase.values())
                .map(p -> new PhasePlan(p, today.plusDays(offsets[p.ordinal()][0]),
                        today.plusDays(offsets[p.ordinal()][1])))
                .toList();
        return new ProcessForm(null, 0, PROCESS_TITLE, "생활폐기물 처리시설, 어디에 어떻게 지을 것인가",
                "서울시민 1,000명 여론조사와 권역·성별·연령을 고려해 추첨한 시민참여단 300명의 숙의를 거쳐 "
                        + "생활폐기물 처리시설의 입지 기준과 주민 지원·감시 방안에 대한 권고안을 마련합니다. "
                        + "(데모 데이터)",
                "서울특별시 공론화추진위원회", ProcessStatus.ACTIVE, today.plusYears(2), phases);
    }

    /** A demo staff login, printed at start and listed in README. */
    public record DemoLogin(String username, String password, StaffRole role, String displayName) {
    }
}
