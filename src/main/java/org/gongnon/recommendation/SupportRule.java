package org.gongnon.recommendation;

import java.util.List;

/**
 * Which answers to the linked vote question count as support: a scale point and above ({@code min}), or any of
 * the option codes ({@code optionCodes}).
 */
public record SupportRule(RuleKind kind, Integer min, List<String> optionCodes) {

    public SupportRule {
        optionCodes = optionCodes == null ? List.of() : optionCodes.stream()
                .filter(c -> c != null && !c.isBlank()).map(String::strip).distinct().toList();
    }

    public static SupportRule atLeast(int min) {
        return new SupportRule(RuleKind.SCALE_AT_LEAST, min, List.of());
    }

    public static SupportRule options(List<String> codes) {
        return new SupportRule(RuleKind.OPTIONS, null, codes);
    }

    /** Whether one voter's answer values count as support. */
    public boolean supports(List<String> values) {
        if (values == null || values.isEmpty() || kind == null) {
            return false;
        }
        return switch (kind) {
            case SCALE_AT_LEAST -> {
                try {
                    yield min != null && Integer.parseInt(values.getFirst().strip()) >= min;
                } catch (NumberFormatException e) {
                    yield false;
                }
            }
            case OPTIONS -> values.stream().anyMatch(optionCodes::contains);
        };
    }
}
