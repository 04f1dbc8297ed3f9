package org.gongnon.recruitment;

/**
 * One line of the quota table: a feature value's population share, its proportional seats (largest
 * remainder), the bounds the tolerance gives, the bounds in force (adjusted or computed) and how many
 * pool members have this value.
 */
public record QuotaRow(String feature, String value, double populationShare, int seats, int computedMin,
                       int computedMax, int min, int max, boolean adjusted, long poolCount) {
}
