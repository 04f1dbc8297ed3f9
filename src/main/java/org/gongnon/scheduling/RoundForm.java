package org.gongnon.scheduling;

/** A round of the programme as edited: new when {@code id} is null. */
public record RoundForm(Long id, long version, long processId, String title, RoundKind kind) {
}
