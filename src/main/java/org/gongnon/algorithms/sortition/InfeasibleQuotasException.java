package org.gongnon.algorithms.sortition;

/** No panel meets the quotas; carries the diagnosis with the smallest relaxation. */
public class InfeasibleQuotasException extends RuntimeException {

    private final transient Feasibility.Result diagnosis;

    public InfeasibleQuotasException(Feasibility.Result diagnosis) {
        super("the quotas cannot be met by this pool: " + diagnosis.relaxations().stream()
                .map(Feasibility.Relaxation::describe).toList());
        this.diagnosis = diagnosis;
    }

    public Feasibility.Result diagnosis() {
        return diagnosis;
    }
}
