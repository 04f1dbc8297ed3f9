package org.gongnon.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gongnon.process.ProcessRole;
import org.gongnon.process.ProcessService;
import org.gongnon.process.ProcessTestForms;
import org.gongnon.recommendation.ItemForm;
import org.gongnon.recommendation.ItemOption;
import org.gongnon.recommendation.MinorityOpinionForm;
import org.gongnon.recommendation.RecommendationService;
import org.gongnon.recommendation.SupportRule;
import org.gongnon.recommendation.VoteFixture;
import org.gongnon.security.StaffAccountService;
import org.gongnon.testsupport.SignIn;
import org.gongnon.testsupport.TestNames;
import org.springframework.stereotype.Component;

/**
 * Processes of their own with recommendations and published reports, made through the real services as the
 * facilitator and the admin would. A bean in test contexts, so tests inject it instead of the services it needs.
 */
@Component
public class ReportFixture {

    /** A voted process with three items: 1 adopted (7 of 10), 2 with reservations (6 of 10), 3 not (4 of 10). */
    public record Voted(long processId, VoteFixture.Built vote, List<Long> itemIds) {
    }

    /** A process with version 1 of its report published and "official" on its team. */
    public record Published(long processId, long reportId, String title) {
    }

    private final VoteFixture votes;
    private final ProcessService processes;
    private final StaffAccountService accounts;
    private final RecommendationService recommendations;
    private final ReportService reports;
    private final SignIn signIn;
    private final Clock clock;

    ReportFixture(VoteFixture votes, ProcessService processes, StaffAccountService accounts,
                  RecommendationService recommendations, ReportService reports, SignIn signIn, Clock clock) {
        this.votes = votes;
        this.processes = processes;
        this.accounts = accounts;
        this.recommendations = recommendations;
        this.reports = reports;
        this.signIn = signIn;
        this.clock = clock;
    }

    /** {@link VoteFixture}'s vote with three items on its questions R1, R2 and R3. */
    public Voted voted(String label) {
        VoteFixture.Built vote = votes.build(TestNames.unique(label));
        long pid = vote.processId();
        List<Long> ids = new ArrayList<>();
        signIn.facilitator(() -> {
            ids.add(recommendations.save(new ItemForm(pid, null, null, "소각시설 지하화",
                    "새 자원회수시설은 지하에 짓고 지상은 공원으로 만든다.", "주민 수용성을 높인다.", List.of(),
                    vote.waveId(), "R1", SupportRule.atLeast(4), null)).itemId());
            ids.add(recommendations.save(new ItemForm(pid, null, null, "A 부지 선정", "A 부지를 우선 검토한다.", null,
                    List.of(new ItemOption("A 부지", "a"), new ItemOption("B 부지", "b"), new ItemOption("C 부지", "c")),
                    vote.waveId(), "R2", SupportRule.options(List.of("a")), null)).itemId());
            ids.add(recommendations.save(new ItemForm(pid, null, null, "주민 일자리 우선 배정",
                    "시설 일자리를 주변 주민에게 먼저 배정한다.", null, List.of(), vote.waveId(), "R3",
                    SupportRule.options(List.of("z")), null)).itemId());
        });
        return new Voted(pid, vote, ids);
    }

    /** The minority opinions of the two items that fell short, so the report can be reviewed. */
    public void minorityOpinions(Voted v) {
        signIn.facilitator(() -> {
            recommendations.saveMinorityOpinion(v.itemIds().get(1), new MinorityOpinionForm(null,
                    "B 부지가 더 적합하다", "교통 접근성이 더 좋다", 4));
            recommendations.saveMinorityOpinion(v.itemIds().get(2), new MinorityOpinionForm(null,
                    "일자리보다 관리비 지원이 낫다", "일자리는 소수에게만 돌아간다", 6));
        });
    }

    /** A process without a panel, with items that were not put to a vote (no minority opinion needed). */
    public long processWithItems(String label, String... itemTitles) {
        return signIn.facilitator(() -> {
            long pid = processes.createProcess(ProcessTestForms.titled(TestNames.unique(label)));
            for (String itemTitle : itemTitles) {
                recommendations.save(ItemForm.newItem(pid, itemTitle, itemTitle + " 내용"));
            }
            return pid;
        });
    }

    /** Drafts, reviews and publishes the next version of the process's report; the city is to answer in 30 days. */
    public long publish(long pid) {
        return signIn.facilitator(() -> {
            long id = reports.createDraft(pid, Locale.KOREAN).id();
            reports.review(id, null);
            return reports.publish(id, LocalDate.now(clock).plusDays(30)).id();
        });
    }

    /** Puts the demo account "official" on the process's team; returns its account id. */
    public long officialOf(long processId) {
        return signIn.admin(() -> {
            long official = accounts.listAssignableStaff().stream().filter(a -> a.username().equals("official"))
                    .findFirst().orElseThrow().id();
            processes.assignToProcess(processId, official, ProcessRole.OFFICIAL);
            return official;
        });
    }

    /** Items not put to a vote, version 1 published, "official" on the team. */
    public Published published(String label, String... itemTitles) {
        return published(processWithItems(label, itemTitles));
    }

    /** {@link #voted} with its minority opinions, version 1 published, "official" on the team. */
    public Published votedAndPublished(Voted voted) {
        minorityOpinions(voted);
        return published(voted.processId());
    }

    private Published published(long pid) {
        long reportId = publish(pid);
        officialOf(pid);
        String title = signIn.facilitator(() -> processes.getProcess(pid).form().title());
        return new Published(pid, reportId, title);
    }
}
