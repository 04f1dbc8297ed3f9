package org.gongnon.process;

/** What a citizen sees on their own page: their process, nothing about other citizens. */
public record CitizenPage(String displayName, String processTitle, String publicQuestion, String organiser,
                          Timeline timeline) {
}
