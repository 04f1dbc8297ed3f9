package org.gongnon.recommendation;

/**
 * An option a recommendation item chooses between (e.g. "A 부지"), and the answer code of the linked vote
 * question that counts as choosing it (blank when the item has no vote).
 */
public record ItemOption(String label, String answerCode) {

    public ItemOption {
        label = label == null ? "" : label.strip();
        answerCode = answerCode == null || answerCode.isBlank() ? null : answerCode.strip();
    }
}
