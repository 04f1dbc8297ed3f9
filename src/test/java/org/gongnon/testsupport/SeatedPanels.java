package org.gongnon.testsupport;

import org.gongnon.demo.SyntheticPool;
import org.gongnon.process.ProcessService;
import org.gongnon.process.ProcessTestForms;
import org.gongnon.recruitment.DrawAlgorithm;
import org.gongnon.recruitment.DrawService;
import org.gongnon.recruitment.PanelSeatingService;
import org.gongnon.recruitment.PoolFilePreview;
import org.gongnon.recruitment.PoolService;
import org.gongnon.recruitment.RecruitmentTargets;
import org.gongnon.recruitment.TargetsService;
import org.gongnon.recruitment.ToleranceMode;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A new process with a seated panel, made through the real services as a facilitator would: Seoul's targets
 * scaled to {@code panelSize}, a synthetic pool, a LEXIMIN draw, and the drawn panel seated. A bean in test
 * contexts, so tests inject it instead of the five services it needs.
 */
@org.springframework.stereotype.Component
public record SeatedPanels(ProcessService processes, TargetsService targets, PoolService pool, DrawService draws,
                           PanelSeatingService seating, UserDetailsService users) {

    public long newProcessWithPanel(String title, int panelSize, int poolSize) {
        return SignedIn.as(users, "facilitator", () -> {
            long processId = processes.createProcess(ProcessTestForms.titled(title));
            RecruitmentTargets seoul = targets.seoulDefaults("test");
            targets.save(processId, new RecruitmentTargets(panelSize, ToleranceMode.SEATS, 2, panelSize / 5,
                    seoul.sharesSource(), seoul.features()));
            byte[] csv = SyntheticPool.toCsv(SyntheticPool.generate(SyntheticPool.DEFAULT_SEED, poolSize));
            PoolFilePreview preview = pool.preview(processId, "pool.csv", csv);
            pool.importFile(processId, "pool.csv", csv, preview.guessed(), false, (key, args) -> key, n -> { });
            String fingerprint = draws.prepare(processId, DrawAlgorithm.LEXIMIN).fingerprint();
            long drawId = draws.draw(processId, DrawAlgorithm.LEXIMIN, 7L, fingerprint).id();
            seating.seatPanel(drawId);
            return processId;
        });
    }
}
