package org.gongnon.demo;

import org.gongnon.recruitment.SeoulDefaults;

/**
 * One made-up poll respondent who volunteered for the panel. Not a real person: the name is drawn from
 * common names, the phone number from a block that is never issued, the e-mail address from the reserved
 * example.com domain.
 *
 * @param phone        {@code 010-0xxx-xxxx}, unique within a generated pool
 * @param email        {@code null} for respondents who gave none
 * @param district     one of Seoul's 25 자치구
 * @param gender       남성 or 여성
 * @param age          18 to 85
 * @param priorOpinion 찬성, 반대 or 유보, the answer to the poll question before deliberation
 * @param consent      consent to the use of personal data for the recruitment
 */
public record SyntheticRespondent(String name, String phone, String email, String district, String gender, int age,
                                  String priorOpinion, boolean consent) {

    /** The district's 권역. */
    public String region() {
        String region = SeoulDefaults.DISTRICT_TO_REGION.get(district);
        if (region == null) {
            throw new IllegalStateException("not a Seoul district: " + district);
        }
        return region;
    }

    public boolean hasEmail() {
        return email != null;
    }
}
