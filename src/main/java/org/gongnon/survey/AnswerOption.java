package org.gongnon.survey;

/**
 * One choice of a question. The code is what is stored and exported (stable across waves and languages); for
 * scale questions the code is the scale point ("1" … "7", "0" … "10").
 */
public record AnswerOption(String code, LocalText label) {
}
