package org.gongnon.process;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OutboxMessageRepository extends JpaRepository<OutboxMessage, Long> {

    List<OutboxMessage> findByProcessIdOrderByCreatedAtDescIdDesc(long processId);

    List<OutboxMessage> findByProcessIdAndStatusOrderByCreatedAtDescIdDesc(long processId, MessageStatus status);

    /** Pairs of (status, count) for one process. */
    @Query("select m.status, count(m) from OutboxMessage m where m.processId = :processId group by m.status")
    List<Object[]> countByStatus(@Param("processId") long processId);

    /** The next ids in a status, in id order after {@code afterId}: the dispatcher walks the queue with it. */
    @Query("select m.id from OutboxMessage m where m.status = :status and m.id > :afterId order by m.id")
    List<Long> findIdsByStatusAfter(@Param("status") MessageStatus status, @Param("afterId") long afterId,
                                    Pageable page);

    /** The row, locked until the transaction ends: two dispatchers never send the same message. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from OutboxMessage m where m.id = :id")
    Optional<OutboxMessage> findAndLock(@Param("id") long id);
}
