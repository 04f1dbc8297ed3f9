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

    /** Issues a new personal link and code for the named demo panel member, as a facilitator would. */
    public static IssuedAccess freshAccess(ProcessService processes, PanelService panel, String memberName) {
        long processId = demoProcessId(processes);
        return SystemAuthority.runAsSystem(() -> panel.issueAccess(panel.listPanel(processId).stream()
                .filter(m -> m.displayName().equals(memberName)).findFirst().orElseThrow().id()));
    }

    /** The path part of a personal link, e.g. {@code /c/abc…}. */
    public static String linkPath(IssuedAccess access) {
        return access.link().substring(access.link().indexOf("/c/"));
    }
}
