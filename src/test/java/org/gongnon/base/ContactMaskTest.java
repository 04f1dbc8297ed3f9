package org.gongnon.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContactMaskTest {

    @Test
    void koreanMobileKeepsPrefixAndLastFour() {
        assertThat(ContactMask.phone("010-1234-5678")).isEqualTo("010-****-5678");
        assertThat(ContactMask.phone("010 1234 5678")).isEqualTo("010 **** 5678");
        assertThat(ContactMask.phone("01012345678")).isEqualTo("010****5678");
        assertThat(ContactMask.phone("  010-1234-5678 ")).isEqualTo("010-****-5678");
    }

    @Test
    void koreanLandlines() {
        assertThat(ContactMask.phone("02-123-4567")).isEqualTo("02-***-4567");
        assertThat(ContactMask.phone("031-123-4567")).isEqualTo("031-***-4567");
        assertThat(ContactMask.phone("(02) 1234-5678")).isEqualTo("(02) ****-5678");
    }

    @Test
    void internationalNumbersKeepTheCountryCode() {
        assertThat(ContactMask.phone("+82 10-1234-5678")).isEqualTo("+82 **-****-5678");
        assertThat(ContactMask.phone("+44 20 7946 0958")).isEqualTo("+44 ** **** 0958");
        assertThat(ContactMask.phone("+821012345678")).isEqualTo("+821*****5678");
    }

    @Test
    void shortNumbersAreMaskedWhole() {
        assertThat(ContactMask.phone("1234")).isEqualTo("****");
        assertThat(ContactMask.phone("123-4567")).isEqualTo("***-****");
        assertThat(ContactMask.phone("12345678")).isEqualTo("****5678");
    }

    @Test
    void nullEmptyAndDigitlessPhones() {
        assertThat(ContactMask.phone(null)).isEmpty();
        assertThat(ContactMask.phone("")).isEmpty();
        assertThat(ContactMask.phone("   ")).isEmpty();
        assertThat(ContactMask.phone("없음")).isEqualTo(ContactMask.HIDDEN);
    }

    @Test
    void neverKeepsMoreThanPrefixAndLastFour() {
        String masked = ContactMask.phone("010-9876-5432");
        assertThat(masked).doesNotContain("9876").endsWith("5432");
    }

    @Test
    void emailKeepsTwoCharactersAndDomain() {
        assertThat(ContactMask.email("abcdef@example.com")).isEqualTo("ab***@example.com");
        assertThat(ContactMask.email("kim@example.org")).isEqualTo("ki***@example.org");
        assertThat(ContactMask.email(" Kim.Minsu@Gov.KR ")).isEqualTo("Ki***@Gov.KR");
    }

    @Test
    void shortLocalPartsKeepLess() {
        assertThat(ContactMask.email("ab@x.kr")).isEqualTo("a***@x.kr");
        assertThat(ContactMask.email("a@x.kr")).isEqualTo("***@x.kr");
    }

    @Test
    void koreanLocalPartAndQuotedAt() {
        assertThat(ContactMask.email("김민수@예시.한국")).isEqualTo("김민***@예시.한국");
        assertThat(ContactMask.email("\"a@b\"@example.com")).isEqualTo("\"a***@example.com");
        assertThat(ContactMask.email("😀😀x@example.com")).isEqualTo("😀😀***@example.com");
    }

    @Test
    void notAnAddressIsHiddenWhole() {
        assertThat(ContactMask.email(null)).isEmpty();
        assertThat(ContactMask.email("")).isEmpty();
        assertThat(ContactMask.email("kim.example.org")).isEqualTo(ContactMask.HIDDEN);
        assertThat(ContactMask.email("@example.org")).isEqualTo(ContactMask.HIDDEN);
        assertThat(ContactMask.email("kim@")).isEqualTo(ContactMask.HIDDEN);
    }

    @Test
    void contactChoosesByShape() {
        assertThat(ContactMask.contact("kim@example.org")).isEqualTo("ki***@example.org");
        assertThat(ContactMask.contact("010-1234-5678")).isEqualTo("010-****-5678");
        assertThat(ContactMask.contact(null)).isEmpty();
    }
}
