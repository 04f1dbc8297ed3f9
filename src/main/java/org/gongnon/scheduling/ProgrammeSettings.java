package org.gongnon.scheduling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A process's rules for the honorarium and what citizens see of their table. */
@Entity
@Table(name = "programme_settings")
class ProgrammeSettings {

    @Id
    @Column(name = "process_id")
    private Long processId;

    @Version
    private long version;

    @Enumerated(EnumType.STRING)
    @Column(name = "honorarium_rule", nullable = false, length = 30)
    private HonorariumRule honorariumRule;

    @Column(name = "min_sessions", nullable = false)
    private int minSessions;

    @Column(name = "late_counts", nullable = false)
    private boolean lateCounts;

    @Column(name = "left_early_counts", nullable = false)
    private boolean leftEarlyCounts;

    @Column(name = "table_names_visible", nullable = false)
    private boolean tableNamesVisible;

    protected ProgrammeSettings() {
    }

    ProgrammeSettings(long processId) {
        this.processId = processId;
    }

    /** The defaults: attend every required session, a late arrival still counts, leaving early does not. */
    static SettingsForm defaults(long processId) {
        return new SettingsForm(processId, -1, HonorariumRule.ALL_REQUIRED, 1, true, false, true);
    }

    void apply(SettingsForm form) {
        honorariumRule = form.honorariumRule();
        minSessions = form.minSessions();
        lateCounts = form.lateCounts();
        leftEarlyCounts = form.leftEarlyCounts();
        tableNamesVisible = form.tableNamesVisible();
    }

    long getVersion() {
        return version;
    }

    SettingsForm toForm() {
        return new SettingsForm(processId, version, honorariumRule, minSessions, lateCounts, leftEarlyCounts,
                tableNamesVisible);
    }
}
