package org.gongnon.recommendation;

import java.time.Instant;
import java.util.List;
import org.gongnon.algorithms.stats.SupportShare;
import org.gongnon.algorithms.stats.SupportStatus;

/**
 * One recommendation item in its current version with the panel's vote on it.
 *
 * @param number           its number in the list (1, 2, …)
 * @param version          the current version's number
 * @param options          the options it chooses between, with how many voters chose each (empty when it is not
 *                         a choice, or has no vote)
 * @param voteSource       where the vote comes from, for people (e.g. "5차 · 권고안 투표 · R1"), null when not linked
 * @param support          the support share, null when the item is not linked to a vote
 * @param byStratum        the support within each value of each recruitment feature (region, gender, age…)
 * @param minorityOpinions what those who did not support it hold, and why (never dropped)
 * @param lastChangedBy    who made the current version
 */
public record ItemResult(long itemId, int number, int version, String title, String text, String rationale,
                         List<OptionResult> options, String voteSource, SupportShare support,
                         List<StratumSupport> byStratum, List<MinorityOpinion> minorityOpinions,
                         String lastChangedBy, Instant lastChangedAt) {

    public ItemResult {
        options = List.copyOf(options);
        byStratum = List.copyOf(byStratum);
        minorityOpinions = List.copyOf(minorityOpinions);
    }

    public SupportStatus status() {
        return support == null ? null : support.status();
    }

    /** Support fell short of adoption, and no minority opinion says what the others hold. */
    public boolean needsMinorityOpinion() {
        return support != null && support.voters() > 0 && support.status() != SupportStatus.ADOPTED
                && minorityOpinions.isEmpty();
    }

    /** One option of a choice item: how many of the voters chose it, with Wilson's 95 % interval. */
    public record OptionResult(String label, int chosenBy, int voters, double share, double ciLow, double ciHigh) {
    }

    /** Support within one value of one recruitment feature (e.g. region = 동남권). */
    public record StratumSupport(String feature, String value, int voters, int supporters, double share,
                                 double ciLow, double ciHigh) {
    }

    /**
     * The structured minority opinion: what they hold, why, and how many hold it.
     *
     * @param holders how many panel members hold it (by default those who did not support the item)
     */
    public record MinorityOpinion(long id, String position, String reasons, int holders, String recordedBy,
                                  Instant recordedAt) {
    }
}
