package org.gongnon.recruitment;

import java.util.List;

/**
 * A published list with its panels, for the printable page: panel number i is {@code panels.get(i - 1)}, pool ids
 * only (no names), and the draws made from it (normally one).
 */
public record PublishedList(PublishedListSummary summary, List<List<String>> panels, List<DrawSummary> draws) {

    public PublishedList {
        panels = List.copyOf(panels);
        draws = List.copyOf(draws);
    }
}
