package org.gongnon.recruitment;

/** Published inside the transaction that changed a draw's panel (a decline or a replacement). */
record PanelChanged(long processId, long drawId) {
}
