package org.gongnon.recruitment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Optional;
import org.gongnon.algorithms.sortition.Certificate;

/**
 * A lottery's {@link Certificate} as the columns of a draw record or a published list (changelogs 013, 015, 016). All
 * empty for lotteries without one (LEGACY, cell-stratified) and for draws recorded before certificates.
 */
@Embeddable
class StoredCertificate {

    @Column(name = "certificate_method", length = 30)
    private String method;

    @Column(name = "relaxation_bound")
    private Double relaxationBound;

    @Column(name = "certificate_gap")
    private Double gap;

    @Column(name = "lp_solvers", length = 100)
    private String lpSolvers;

    @Column(name = "levels_closed_by", length = 60)
    private String levelsClosedBy;

    @Column(name = "or_tools_version", length = 40)
    private String orToolsVersion;

    protected StoredCertificate() {
    }

    static StoredCertificate of(Certificate certificate) {
        StoredCertificate stored = new StoredCertificate();
        if (certificate != null) {
            stored.method = certificate.method().name();
            stored.relaxationBound = certificate.relaxationBound();
            stored.gap = certificate.gap();
            stored.lpSolvers = certificate.lpSolvers();
            stored.levelsClosedBy = certificate.levelsClosedBy();
            stored.orToolsVersion = certificate.orTools();
        }
        return stored;
    }

    Optional<Certificate> certificate() {
        if (method == null) {
            return Optional.empty();
        }
        return Optional.of(new Certificate(Certificate.Method.valueOf(method),
                relaxationBound == null ? Double.NaN : relaxationBound, gap == null ? Double.NaN : gap,
                lpSolvers, levelsClosedBy, orToolsVersion));
    }
}
