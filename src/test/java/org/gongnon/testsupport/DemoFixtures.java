package org.gongnon.testsupport;

import org.gongnon.demo.DemoData;
import org.gongnon.process.IssuedAccess;
import org.gongnon.process.PanelService;
import org.gongnon.process.ProcessService;
import org.gongnon.process.ProcessSummary;
import org.gongnon.security.SystemAuthority;

/** The demo data as test fixtures: the demo process and fresh access for one of its panel members. */
public final class DemoFixtures {

    private DemoFixtures() {
    }

    public static long demoProcessId(ProcessService processes) {
        return SystemAuthority.runAsSystem(() -> processes.listMyProcesses().stream()
                .filter(p -> p.title().equals(DemoData.PROCESS_TITLE)).mapToLong(ProcessSummary::id)
                .findFirst().orElseThrow());
    }

    /**
     * Issues a new personal link and code for a demo panel member, as a facilitator would: the {@code nth}
     * member seated from the draw (0 is the demo citizen whose access the app prints at start).
     */
    public static IssuedAccess freshAccess(ProcessService processes, PanelService panel, int nth) {
        long processId = demoProcessId(processes);
        return SystemAuthority.runAsSystem(() -> panel.issueAccess(panel.activePanel(processId).stream()
                .filter(m -> m.poolMemberId() != null)
                .sorted(java.util.Comparator.comparingLong(org.gongnon.process.PanelMemberSummary::id))
                .skip(nth).findFirst().orElseThrow().id()));
    }

    /** The path part of a personal link, e.g. {@code /c/abc…}. */
    public static String linkPath(IssuedAccess access) {
        return access.link().substring(access.link().indexOf("/c/"));
    }
}
