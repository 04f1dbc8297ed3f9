package org.gongnon.process;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.gongnon.base.Problems;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ui.ProcessSwitcherSource;
import org.gongnon.security.CurrentUser;
import org.gongnon.security.Roles;
import org.gongnon.security.StaffAccountService;
import org.gongnon.security.StaffAccountSummary;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, editing and listing deliberation processes and their teams. */
@Service
public class ProcessService implements ProcessSwitcherSource {

    private final DeliberationProcessRepository processes;
    private final ProcessMembershipRepository memberships;
    private final ProcessAccess access;
    private final CurrentUser currentUser;
    private final StaffAccountService staffAccounts;
    private final Clock clock;

    ProcessService(DeliberationProcessRepository processes, ProcessMembershipRepository memberships,
                   ProcessAccess access, CurrentUser currentUser, StaffAccountService staffAccounts, Clock clock) {
        this.processes = processes;
        this.memberships = memberships;
        this.access = access;
        this.currentUser = currentUser;
        this.staffAccounts = staffAccounts;
        this.clock = clock;
    }

    /** The processes the signed-in staff member works on (all of them for admins), newest first. */
    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional(readOnly = true)
    public List<ProcessSummary> listMyProcesses() {
        List<DeliberationProcess> mine = currentUser.isAdmin() ? processes.findAllByOrderByCreatedAtDescIdDesc()
                : processes.findByIdInOrderByCreatedAtDescIdDesc(memberships.findByAccountId(currentUser.requireStaff().accountId()).stream()
                        .map(ProcessMembership::getProcessId).collect(Collectors.toSet()));
        return mine.stream().map(DeliberationProcess::toSummary).toList();
    }

    @Override
    @PreAuthorize(Roles.ANYONE)
    @Transactional(readOnly = true)
    public List<ProcessOption> processOptions() {
        if (currentUser.staff().isEmpty() && !currentUser.isAdmin()) {
            return List.of();
        }
        return listMyProcesses().stream().map(p -> new ProcessOption(p.id(), p.title())).toList();
    }

    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional(readOnly = true)
    public ProcessDetails getProcess(long processId) {
        access.requireView(processId);
        DeliberationProcess process = load(processId);
        return new ProcessDetails(process.toForm(), process.timeline(), team(processId), access.canEdit(processId),
                currentUser.isAdmin());
    }

    /** A new process with sensible defaults: every phase planned a few weeks apart, starting next month. */
    @PreAuthorize(Roles.HAS_ORGANISER)
    public ProcessForm newProcessTemplate() {
        LocalDate start = LocalDate.now(clock).plusMonths(1).withDayOfMonth(1);
        int[] weeks = {4, 3, 4, 1, 2, 6, 2, 4, 12};
        List<PhasePlan> plans = new ArrayList<>();
        LocalDate cursor = start;
        for (Phase phase : Phase.values()) {
            LocalDate end = cursor.plusWeeks(weeks[phase.ordinal()]).minusDays(1);
            plans.add(new PhasePlan(phase, cursor, end));
            cursor = end.plusDays(1);
        }
        return new ProcessForm(null, 0, "", "", "", "", ProcessStatus.DRAFT, cursor.plusYears(1), plans);
    }

    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public long createProcess(ProcessForm form) {
        DeliberationProcess.ValidProcess valid = validate(form);
        DeliberationProcess process = new DeliberationProcess(clock.instant());
        process.apply(valid, clock.instant());
        long id = processes.saveAndFlush(process).getId();
        // The facilitator who creates a process runs it.
        currentUser.staff().filter(user -> !user.isAdmin()).ifPresent(user ->
                memberships.save(new ProcessMembership(id, user.accountId(), ProcessRole.FACILITATOR)));
        return id;
    }

    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public ProcessForm updateProcess(ProcessForm form) {
        if (form.id() == null) {
            throw new IllegalArgumentException("update needs a process id");
        }
        access.requireEdit(form.id());
        DeliberationProcess.ValidProcess valid = validate(form);
        DeliberationProcess process = load(form.id());
        if (process.getVersion() != form.version()) {
            throw new UserFacingException("process.concurrent-edit");
        }
        process.apply(valid, clock.instant());
        try {
            processes.saveAndFlush(process);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new UserFacingException("process.concurrent-edit");
        }
        return process.toForm();
    }

    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional(readOnly = true)
    public List<TeamMember> team(long processId) {
        access.requireView(processId);
        List<TeamMember> team = new ArrayList<>();
        for (ProcessMembership m : memberships.findByProcessId(processId)) {
            staffAccounts.findAccount(m.getAccountId()).ifPresent(a ->
                    team.add(new TeamMember(a.id(), a.username(), a.displayName(), m.getRole())));
        }
        return team;
    }

    /** Admins put the team together: facilitators run the process, officials read its results. */
    @PreAuthorize(Roles.HAS_ADMIN)
    @Transactional
    public void assignToProcess(long processId, long accountId, ProcessRole role) {
        load(processId);
        StaffAccountSummary account = staffAccounts.findAccount(accountId)
                .orElseThrow(() -> new UserFacingException("account.not-found"));
        if (!account.enabled()) {
            throw new UserFacingException("team.account-disabled");
        }
        if (!account.role().name().equals(role.name())) {
            throw new UserFacingException("team.role-mismatch");
        }
        memberships.findByProcessIdAndAccountId(processId, accountId).ifPresentOrElse(m -> m.setRole(role),
                () -> memberships.save(new ProcessMembership(processId, accountId, role)));
    }

    @PreAuthorize(Roles.HAS_ADMIN)
    @Transactional
    public void removeFromProcess(long processId, long accountId) {
        memberships.findByProcessIdAndAccountId(processId, accountId).ifPresent(memberships::delete);
    }

    private DeliberationProcess load(long processId) {
        return processes.findById(processId).orElseThrow(() -> new UserFacingException("process.not-found"));
    }

    private static final Set<ProcessStatus> ANY_STATUS = Set.of(ProcessStatus.values());

    static DeliberationProcess.ValidProcess validate(ProcessForm form) {
        Problems problems = new Problems();
        String title = problems.requireText("title", form.title(), 200);
        String question = problems.requireText("publicQuestion", form.publicQuestion(), 500);
        String description = problems.optionalText("description", form.description(), 4000);
        String organiser = problems.requireText("organiser", form.organiser(), 200);
        if (form.status() == null || !ANY_STATUS.contains(form.status())) {
            problems.add("status", "validation.required");
        }
        List<PhasePlan> phases = form.phases() == null ? List.of() : form.phases();
        List<PhasePlan> planned = new ArrayList<>();
        PhasePlan previous = null;
        for (Phase phase : Phase.values()) {
            PhasePlan plan = phases.stream().filter(p -> p.phase() == phase).findFirst().orElse(null);
            String field = "phase." + phase.name();
            if (plan == null || plan.start() == null || plan.end() == null) {
                problems.add(field, "process.validation.phase-dates-required");
                continue;
            }
            if (plan.end().isBefore(plan.start())) {
                problems.add(field, "process.validation.phase-end-before-start");
            } else if (previous != null && plan.start().isBefore(previous.start())) {
                problems.add(field, "process.validation.phase-out-of-order", previous.phase().messageKey());
            }
            planned.add(plan);
            previous = plan;
        }
        if (form.retentionDate() == null) {
            problems.add("retentionDate", "validation.required");
        } else if (!planned.isEmpty() && !form.retentionDate().isAfter(planned.getLast().end())) {
            problems.add("retentionDate", "process.validation.retention-before-end");
        }
        problems.throwIfAny();
        return new DeliberationProcess.ValidProcess(title, question, description, organiser, form.status(),
                form.retentionDate(), planned);
    }
}
