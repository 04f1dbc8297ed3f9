package org.gongnon.recruitment;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.IntConsumer;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.crypto.DataCipher;
import org.gongnon.process.ProcessAccess;
import org.gongnon.security.CurrentUser;
import org.gongnon.security.PersonalDataAccessLog;
import org.gongnon.security.PersonalDataAction;
import org.gongnon.security.Roles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pool of poll respondents: reading and checking an uploaded file against the process's features,
 * importing it whole (or, when the facilitator says so, only its valid rows), and listing it.
 */
@Service
public class PoolService {

    private static final int BATCH = 500;

    private final PoolImportRepository imports;
    private final PoolMemberRepository members;
    private final SortitionDrawRepository draws;
    private final TargetsService targets;
    private final ProcessAccess access;
    private final CurrentUser currentUser;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final DataCipher cipher;

    private final PersonalDataAccessLog accessLog;

    PoolService(PoolImportRepository imports, PoolMemberRepository members, SortitionDrawRepository draws,
                TargetsService targets, ProcessAccess access, CurrentUser currentUser, JdbcTemplate jdbc, Clock clock,
                DataCipher cipher, PersonalDataAccessLog accessLog) {
        this.imports = imports;
        this.members = members;
        this.draws = draws;
        this.targets = targets;
        this.access = access;
        this.currentUser = currentUser;
        this.jdbc = jdbc;
        this.clock = clock;
        this.cipher = cipher;
        this.accessLog = accessLog;
    }

    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional(readOnly = true)
    public PoolOverview overview(long processId) {
        access.requireEdit(processId);
        List<String> features = targets.load(processId).map(t -> t.features().stream().map(FeatureTarget::feature)
                .toList()).orElse(List.of());
        List<PoolMemberRow> rows = members.findByProcessIdOrderBySourceRowAsc(processId).stream()
                .map(PoolMember::toRow).toList();
        accessLog.record(processId, PersonalDataAction.VIEW, "pool of process " + processId, rows.size());
        return new PoolOverview(rows, features, targets.poolCounts(processId),
                imports.findFirstByProcessIdOrderByIdDesc(processId).map(PoolImport::toSummary),
                draws.existsByProcessId(processId));
    }

    /** Reads an uploaded file and guesses which column is which; nothing is stored. */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional(readOnly = true)
    public PoolFilePreview preview(long processId, String fileName, byte[] content) {
        access.requireEdit(processId);
        List<FeatureSpec> specs = specs(processId);
        PoolTable table = PoolFileReader.read(fileName, content);
        return new PoolFilePreview(fileName, table.headers(), table.rows().stream().limit(5)
                .map(PoolTable.Row::cells).toList(), table.rows().size(), ColumnMapping.guess(table.headers(), specs));
    }

    /** Checks every row against the process's features; nothing is stored. */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional(readOnly = true)
    public PoolCheck check(long processId, String fileName, byte[] content, ColumnMapping mapping,
                           PoolValidator.Progress progress) {
        access.requireEdit(processId);
        return PoolValidator.validate(PoolFileReader.read(fileName, content), mapping, specs(processId), progress);
    }

    /**
     * Checks the file again and imports it, replacing the pool: the whole file when every row is valid;
     * when some are not, only if the facilitator chose to import the valid rows, and then the rejected rows
     * are kept for download. Either way in one transaction: all of it goes in, or nothing.
     */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public PoolImportSummary importFile(long processId, String fileName, byte[] content, ColumnMapping mapping,
                                        boolean onlyValidRows, PoolCheck.Translator translator, IntConsumer progress) {
        access.requireEdit(processId);
        PoolCheck check = PoolValidator.validate(PoolFileReader.read(fileName, content), mapping, specs(processId));
        if (!check.isClean() && !onlyValidRows) {
            throw new UserFacingException("recruitment.import.has-problems", check.rejectedCount());
        }
        List<NewPoolMember> accepted = check.candidates().stream().map(c -> new NewPoolMember(c.rowNumber(), c.name(),
                c.phone(), c.email(), c.district(), c.featureValues())).toList();
        return replacePool(processId, fileName, accepted, check.rejectedCount(),
                check.isClean() ? null : check.rejectedRowsCsv(translator), progress);
    }

    private List<FeatureSpec> specs(long processId) {
        RecruitmentTargets t = targets.load(processId)
                .orElseThrow(() -> new UserFacingException("recruitment.draw.no-targets"));
        return FeatureSpecs.of(t.features(), java.time.LocalDate.now(clock));
    }

    /**
     * Records that the signed-in organiser chose to see the full phones and e-mails of the pool's {@code people}
     * members, which the pool list otherwise shows masked.
     */
    @PreAuthorize(Roles.HAS_ORGANISER)
    public void contactsShown(long processId, int people) {
        access.requireEdit(processId);
        accessLog.record(processId, PersonalDataAction.VIEW, "contacts of pool of process " + processId, people);
    }

    /** The rejected rows of the last import, with their problems, as a CSV (empty if none were rejected). */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional(readOnly = true)
    public byte[] rejectedRows(long processId) {
        access.requireEdit(processId);
        Optional<PoolImport> last = imports.findFirstByProcessIdOrderByIdDesc(processId);
        accessLog.record(processId, PersonalDataAction.EXPORT, "rejected pool rows of process " + processId,
                last.map(PoolImport::getRejectedRows).orElse(0));
        return last.map(PoolImport::getRejectedCsv).orElse(new byte[0]);
    }

    /**
     * Replaces the pool with the given respondents, in one transaction: all go in, or none. Refused once a
     * draw has used the pool, since the draw record points at its members.
     *
     * @param progress called with the number of rows written so far
     */
    PoolImportSummary replacePool(long processId, String fileName, List<NewPoolMember> accepted,
                                         int rejectedCount, byte[] rejectedCsv, IntConsumer progress) {
        access.requireEdit(processId);
        if (draws.existsByProcessId(processId)) {
            throw new UserFacingException("recruitment.pool.locked");
        }
        if (accepted.isEmpty()) {
            throw new UserFacingException("recruitment.import.nothing-valid");
        }
        jdbc.update("DELETE FROM pool_import WHERE process_id = ?", processId);
        PoolImport record = imports.saveAndFlush(new PoolImport(processId, shorten(fileName, 255), clock.instant(),
                currentUser.actorName(), accepted.size(), rejectedCount,
                rejectedCount > 0 ? rejectedCsv : null));
        List<NewPoolMember> batch = new ArrayList<>(BATCH);
        int written = 0;
        for (NewPoolMember m : accepted) {
            batch.add(m);
            if (batch.size() == BATCH) {
                insert(processId, record.getId(), batch);
                written += batch.size();
                batch.clear();
                progress.accept(written);
            }
        }
        insert(processId, record.getId(), batch);
        progress.accept(accepted.size());
        return record.toSummary();
    }

    /** Plain JDBC batches: ten thousand respondents in a few seconds instead of one insert each. */
    private void insert(long processId, long importId, List<NewPoolMember> batch) {
        if (batch.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO pool_member (process_id, import_id, source_row, name, phone, email, district, "
                + "feature_values) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", batch, batch.size(),
                (PreparedStatement ps, NewPoolMember m) -> {
                    ps.setLong(1, processId);
                    ps.setLong(2, importId);
                    ps.setInt(3, m.sourceRow());
                    // PoolValidator refuses names over 100 characters; cutting would change them.
                    ps.setString(4, cipher.encrypt(m.name()));
                    ps.setString(5, cipher.encrypt(m.phone()));
                    ps.setString(6, cipher.encrypt(m.email()));
                    ps.setString(7, m.district());
                    ps.setString(8, PoolMember.encode(m.featureValues()));
                });
    }

    private static String shorten(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** A respondent to import: the file row they came from, contacts, and their value for each feature. */
    public record NewPoolMember(int sourceRow, String name, String phone, String email, String district,
                                Map<String, String> featureValues) {
    }
}
