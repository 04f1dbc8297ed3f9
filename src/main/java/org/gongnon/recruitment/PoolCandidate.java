package org.gongnon.recruitment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A valid row of the pool: a person who may be drawn for the panel.
 *
 * @param rowNumber     the row's spreadsheet number in the uploaded file (see {@link PoolTable})
 * @param name          the name, spaces tidied
 * @param phone         the phone number written as {@code 010-1234-5678}, or null when none was given
 * @param email         the e-mail address (domain in lower case), or null when none was given
 * @param district      the district as named by the file, the canonical 자치구 name when a region feature
 *                      recognised it; null when the district column is not mapped or the cell is blank
 * @param featureValues feature name → value, for every feature, in the order of the features
 */
public record PoolCandidate(int rowNumber, String name, String phone, String email, String district,
                            Map<String, String> featureValues) {

    public PoolCandidate {
        featureValues = Collections.unmodifiableMap(new LinkedHashMap<>(featureValues));
    }
}
