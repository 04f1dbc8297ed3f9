package org.gongnon.report;

import java.time.LocalDate;

/**
 * The city's response to one item of a published report.
 *
 * @param dueDate for a final answer, when it is to be carried out; under review, by when the answer will come
 */
public record ResponseForm(long reportId, int itemNumber, ResponseStatus status, String explanation,
                           LocalDate dueDate) {
}
