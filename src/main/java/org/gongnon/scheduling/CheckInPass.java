package org.gongnon.scheduling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The code on a citizen's page that a facilitator scans (or types) at the door. It only identifies the
 * citizen for check-in; it does not sign anyone in, so it may be shown openly.
 */
@Entity
@Table(name = "checkin_pass")
class CheckInPass {

    @Id
    @Column(name = "panel_member_id")
    private Long panelMemberId;

    @Column(nullable = false, length = 8)
    private String code;

    protected CheckInPass() {
    }

    CheckInPass(long panelMemberId, String code) {
        this.panelMemberId = panelMemberId;
        this.code = code;
    }

    long getPanelMemberId() {
        return panelMemberId;
    }

    String getCode() {
        return code;
    }
}
