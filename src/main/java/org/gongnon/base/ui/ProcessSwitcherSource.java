package org.gongnon.base.ui;

import java.util.List;

/**
 * Feeds the process switcher in the header. Implemented by the process feature, so the shared layout
 * needs no import of it.
 */
public interface ProcessSwitcherSource {

    List<ProcessOption> processOptions();

    record ProcessOption(long id, String title) {
    }
}
