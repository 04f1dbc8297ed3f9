package org.gongnon.recruitment;

/** How to reach a panel member: phone and/or e-mail from the poll (either may be empty). */
public record Contact(String phone, String email) {
}
