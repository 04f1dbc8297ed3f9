package org.gongnon.loadtest;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.gongnon.demo.DemoData;
import org.gongnon.process.IssuedAccess;
import org.gongnon.process.PanelMemberSummary;
import org.gongnon.process.PanelService;
import org.gongnon.process.ProcessService;
import org.gongnon.process.ProcessSummary;
import org.gongnon.security.SystemAuthority;
import org.gongnon.survey.LocalText;
import org.gongnon.survey.SurveyService;
import org.gongnon.survey.WaveAudience;
import org.gongnon.survey.WaveForm;
import org.gongnon.survey.WaveKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the load test and the fault drills need inside the packaged application, added to it only for them
 * (profile {@code loadtest}, classes put on the jar's loader path by {@code bench/load.sh} and
 * {@code FaultDrillIT}): once the demo process exists, two open survey waves of {@link LoadTestQuestionnaire} for
 * the whole panel (one to warm the server up, one to measure), and personal links for the first {@code gongnon.loadtest.citizens} panel members, written with
 * the database's address and this process's id to {@code gongnon.loadtest.fixture-file}.
 */
@Component
@Profile("loadtest")
class LoadTestFixture {

    private static final Logger log = LoggerFactory.getLogger(LoadTestFixture.class);

    private final ProcessService processes;
    private final PanelService panel;
    private final SurveyService surveys;
    private final DataSource dataSource;
    private final Clock clock;
    private final int citizens;
    private final Path file;

    LoadTestFixture(ProcessService processes, PanelService panel, SurveyService surveys, DataSource dataSource,
                    Clock clock, @Value("${gongnon.loadtest.citizens:300}") int citizens,
                    @Value("${gongnon.loadtest.fixture-file}") Path file) {
        this.processes = processes;
        this.panel = panel;
        this.surveys = surveys;
        this.dataSource = dataSource;
        this.clock = clock;
        this.citizens = citizens;
        this.file = file;
    }

    private long openWave(long processId, LocalText title) {
        WaveForm defaults = surveys.newWaveForm(processId);
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES);
        long waveId = surveys.saveWave(processId, null, new WaveForm(defaults.number(), WaveKind.OTHER, title,
                now.minusHours(1), now.plusDays(2), WaveAudience.WHOLE_PANEL, null, defaults.purpose(),
                defaults.retention(), null));
        surveys.saveQuestionnaire(waveId, LoadTestQuestionnaire.build(), surveys.wave(waveId).form().version());
        surveys.open(waveId);
        return waveId;
    }

    @EventListener(ApplicationReadyEvent.class)
    void prepare() {
        long started = System.nanoTime();
        Map<String, Object> fixture = SystemAuthority.runAsSystem(() -> {
            long processId = processes.listMyProcesses().stream()
                    .filter(p -> p.title().equals(DemoData.PROCESS_TITLE)).map(ProcessSummary::id).findFirst()
                    .orElseThrow(() -> new IllegalStateException("The load test needs the demo process"));
            long warmupWaveId = openWave(processId, LocalText.of("부하 시험 준비", "Load test warm-up"));
            long waveId = openWave(processId, LocalText.of("부하 시험 설문", "Load test survey"));
            List<Map<String, Object>> links = new ArrayList<>();
            for (PanelMemberSummary member : panel.activePanel(processId)) {
                if (links.size() == citizens) {
                    break;
                }
                IssuedAccess access = panel.issueAccess(member.id());
                links.add(Map.of("panelMemberId", member.id(), "link", access.link()));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("processId", processId);
            out.put("waveId", waveId);
            out.put("warmupWaveId", warmupWaveId);
            out.put("citizens", links);
            return out;
        });
        HikariDataSource hikari = (HikariDataSource) dataSource;
        fixture.put("jdbcUrl", hikari.getJdbcUrl());
        fixture.put("jdbcUser", hikari.getUsername());
        fixture.put("jdbcPassword", hikari.getPassword());
        fixture.put("pid", ProcessHandle.current().pid());
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, JsonMapper.builder().build().writeValueAsString(fixture));
            // Whoever waits for the file sees it complete or not at all.
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.info("Load test fixture: wave {} and {} citizen links in {} ms, written to {}", fixture.get("waveId"),
                ((List<?>) fixture.get("citizens")).size(), (System.nanoTime() - started) / 1_000_000, file);
    }
}
