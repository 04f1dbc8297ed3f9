package org.gongnon.recommendation;

/**
 * A minority opinion to record ({@code id} null) or correct: what they hold, why, and how many hold it (null:
 * those who voted but did not support the item).
 */
public record MinorityOpinionForm(Long id, String position, String reasons, Integer holders) {
}
