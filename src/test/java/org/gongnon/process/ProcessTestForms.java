package org.gongnon.process;

/** A valid new process form, for tests of later steps that need a process of their own. */
public final class ProcessTestForms {

    private ProcessTestForms() {
    }

    public static ProcessForm titled(String title) {
        return ProcessPersistenceTest.withTitle(ProcessValidationTest.valid(), title);
    }
}
