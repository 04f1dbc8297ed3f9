package org.gongnon.recruitment;

import java.util.List;

/** An uploaded pool file at a glance: its headers, its first rows, how many rows, and a guessed column mapping. */
public record PoolFilePreview(String fileName, List<String> headers, List<List<String>> sample, int rowCount,
                              ColumnMapping guessed) {

    public PoolFilePreview {
        headers = List.copyOf(headers);
        sample = sample.stream().map(List::copyOf).toList();
    }
}
