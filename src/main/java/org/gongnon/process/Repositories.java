package org.gongnon.process;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import jakarta.persistence.LockModeType;

interface DeliberationProcessRepository extends JpaRepository<DeliberationProcess, Long> {

    List<DeliberationProcess> findAllByOrderByCreatedAtDescIdDesc();

    List<DeliberationProcess> findByIdInOrderByCreatedAtDescIdDesc(Collection<Long> ids);
}

interface ProcessMembershipRepository extends JpaRepository<ProcessMembership, Long> {

    List<ProcessMembership> findByAccountId(long accountId);

    List<ProcessMembership> findByProcessId(long processId);

    Optional<ProcessMembership> findByProcessIdAndAccountId(long processId, long accountId);
}

interface PanelMemberRepository extends JpaRepository<PanelMember, Long> {

    /** In no useful order: names are encrypted, so {@link PanelService} sorts them after reading. */
    List<PanelMember> findByProcessId(long processId);

    Optional<PanelMember> findByTokenHash(String tokenHash);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<PanelMember> findByCodeId(String codeId);

    boolean existsByCodeId(String codeId);

    long countByProcessId(long processId);
}
