package org.gongnon.survey;

/** Default texts a facilitator starts from; they are edited per wave and shown to citizens before consent. */
final class SurveyTexts {

    static final LocalText DEFAULT_PURPOSE = LocalText.of(
            "이 설문은 공론화 과정에서 참여자의 의견과 이해도가 어떻게 변하는지 분석하기 위한 것입니다. "
                    + "응답은 이름이나 연락처 없이 가명 참여번호로만 분석·공개되며, 정책 권고안과 결과보고서 작성에만 쓰입니다. "
                    + "동의하지 않으셔도 공론화 참여에는 불이익이 없습니다.",
            "This survey measures how participants’ views and knowledge change during the deliberation. Answers are "
                    + "analysed and published only under a pseudonymous participant number, never with your name or "
                    + "contact details, and are used only for the recommendations and the final report. Declining "
                    + "does not affect your participation.");

    static final LocalText DEFAULT_RETENTION = LocalText.of(
            "응답은 공론화 종료 후 결과보고서 공개일로부터 3년간 보관한 뒤 파기합니다. 연락처와 응답의 연결은 공론화 종료 시 끊습니다.",
            "Answers are kept for three years after the final report is published, then destroyed. The link between "
                    + "your contact details and your answers is removed when the process ends.");

    private SurveyTexts() {
    }
}
