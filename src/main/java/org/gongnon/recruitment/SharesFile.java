package org.gongnon.recruitment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongnon.base.UserFacingException;

/** Population shares from a small CSV: {@code feature,value,share}, one line per feature value. */
final class SharesFile {

    private SharesFile() {
    }

    static List<FeatureTarget> apply(List<FeatureTarget> current, byte[] csv) {
        String text = new String(csv, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r?\n");
        if (lines.length == 0 || !lines[0].strip().toLowerCase(Locale.ROOT).replace(" ", "").equals("feature,value,share")) {
            throw new UserFacingException("recruitment.shares.bad-header");
        }
        Map<String, Map<String, Double>> shares = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] cells = lines[i].split(",", -1);
            if (cells.length != 3) {
                throw new UserFacingException("recruitment.shares.bad-line", i + 1);
            }
            String feature = cells[0].strip();
            String value = cells[1].strip();
            double share;
            try {
                share = Double.parseDouble(cells[2].strip().replace("%", ""));
            } catch (NumberFormatException e) {
                throw new UserFacingException("recruitment.shares.bad-number", i + 1, cells[2].strip());
            }
            if (share < 0 || Double.isNaN(share)) {
                throw new UserFacingException("recruitment.shares.bad-number", i + 1, cells[2].strip());
            }
            boolean known = current.stream().anyMatch(f -> f.feature().equals(feature) && f.valueLabels().contains(value));
            if (!known) {
                throw new UserFacingException("recruitment.shares.unknown", i + 1, feature, value);
            }
            shares.computeIfAbsent(feature, f -> new LinkedHashMap<>()).put(value, share);
        }
        List<FeatureTarget> result = new ArrayList<>();
        for (FeatureTarget f : current) {
            Map<String, Double> given = shares.get(f.feature());
            if (given == null) {
                result.add(f);
                continue;
            }
            // Percentages or fractions, whichever the file used: normalised to fractions of the feature's total.
            double total = given.values().stream().mapToDouble(Double::doubleValue).sum();
            if (total <= 0) {
                throw new UserFacingException("recruitment.shares.zero", f.feature());
            }
            result.add(new FeatureTarget(f.feature(), f.derivation(), f.values().stream()
                    .map(v -> new ValueTarget(v.value(), given.getOrDefault(v.value(), 0.0) / total, v.quotaMin(),
                            v.quotaMax()))
                    .toList()));
        }
        return result;
    }
}
