package org.gongnon.scheduling;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface VenueRepository extends JpaRepository<Venue, Long> {

    List<Venue> findByProcessIdOrderByNameAsc(long processId);
}

interface RoundRepository extends JpaRepository<DeliberationRound, Long> {

    List<DeliberationRound> findByProcessIdOrderByPositionAsc(long processId);
}

interface SessionRepository extends JpaRepository<DeliberationSession, Long> {

    List<DeliberationSession> findByProcessIdOrderByDateAscStartAsc(long processId);

    long countByRoundId(long roundId);

    long countByVenueId(long venueId);
}

interface InvitationRepository extends JpaRepository<Invitation, Long> {

    List<Invitation> findBySessionId(long sessionId);

    List<Invitation> findBySessionIdIn(Collection<Long> sessionIds);

    List<Invitation> findByPanelMemberId(long panelMemberId);

    Optional<Invitation> findBySessionIdAndPanelMemberId(long sessionId, long panelMemberId);
}

interface CheckInPassRepository extends JpaRepository<CheckInPass, Long> {

    Optional<CheckInPass> findByCode(String code);

    List<CheckInPass> findByCodeIn(Collection<String> codes);
}

interface AttendanceRepository extends JpaRepository<Attendance, Long> {

    List<Attendance> findBySessionId(long sessionId);

    List<Attendance> findBySessionIdIn(Collection<Long> sessionIds);

    List<Attendance> findByPanelMemberId(long panelMemberId);

    Optional<Attendance> findBySessionIdAndPanelMemberId(long sessionId, long panelMemberId);
}

interface ProgrammeSettingsRepository extends JpaRepository<ProgrammeSettings, Long> {
}

interface TablePlanRepository extends JpaRepository<TablePlan, Long> {

    Optional<TablePlan> findBySessionId(long sessionId);

    List<TablePlan> findBySessionIdIn(Collection<Long> sessionIds);
}
