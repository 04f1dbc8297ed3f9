package org.gongnon.process;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A staff member assigned to a process as facilitator or official. */
@Entity
@Table(name = "process_membership")
class ProcessMembership {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "process_id", nullable = false)
    private long processId;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private ProcessRole role;

    protected ProcessMembership() {
    }

    ProcessMembership(long processId, long accountId, ProcessRole role) {
        this.processId = processId;
        this.accountId = accountId;
        this.role = role;
    }

    long getProcessId() {
        return processId;
    }

    long getAccountId() {
        return accountId;
    }

    ProcessRole getRole() {
        return role;
    }

    void setRole(ProcessRole role) {
        this.role = role;
    }
}
