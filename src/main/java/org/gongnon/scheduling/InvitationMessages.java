package org.gongnon.scheduling;

import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongnon.process.MessageChannel;
import org.gongnon.process.OutboxService;
import org.gongnon.process.OutgoingMessage;
import org.gongnon.recruitment.Contact;
import org.gongnon.recruitment.PanelSeatingService;
import org.gongnon.recruitment.RosterMember;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes invitation messages (in Korean, the citizens' language by default) and hands them to the outbox: a
 * text message when there is a phone number, else an e-mail. The message points to the citizen's own page;
 * their personal link cannot be repeated here because only its hash is stored.
 */
@Component
class InvitationMessages {

    static final String PURPOSE = "invitation";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("M월 d일", Locale.KOREAN);

    private final PanelSeatingService seating;
    private final VenueRepository venues;
    private final String publicUrl;
    private final OutboxService outbox;

    InvitationMessages(PanelSeatingService seating, VenueRepository venues, OutboxService outbox,
                       @Value("${gongnon.public-url}") String publicUrl) {
        this.outbox = outbox;
        this.seating = seating;
        this.venues = venues;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** How many messages were queued, and how many invitees have neither phone nor e-mail. */
    record Queued(int messages, int withoutContact) {
    }

    /** One message to send: the channel is chosen by the contact available. */
    record Message(long panelMemberId, boolean sms, String recipient, String subject, String body) {
    }

    Queued queueInvitations(DeliberationSession session, List<RosterMember> invitees) {
        if (invitees.isEmpty()) {
            return new Queued(0, 0);
        }
        Map<Long, Contact> contacts = seating.contacts(session.getProcessId());
        List<Message> messages = new java.util.ArrayList<>();
        int without = 0;
        for (RosterMember m : invitees) {
            Contact c = contacts.get(m.panelMemberId());
            if (c != null && c.phone() != null && !c.phone().isBlank()) {
                messages.add(new Message(m.panelMemberId(), true, c.phone(), null, text(session, m.displayName())));
            } else if (c != null && c.email() != null && !c.email().isBlank()) {
                messages.add(new Message(m.panelMemberId(), false, c.email(), "[공론] ‘" + session.getTitle() + "’ 초대",
                        text(session, m.displayName())));
            } else {
                without++;
            }
        }
        return new Queued(send(session.getProcessId(), messages), without);
    }

    /** Hands the messages to the outbox, which sends them or keeps them listed when no sender is configured. */
    int send(long processId, List<Message> messages) {
        if (messages.isEmpty()) {
            return 0;
        }
        return outbox.enqueue(processId, messages.stream().map(m -> new OutgoingMessage(processId, m.panelMemberId(),
                m.sms() ? MessageChannel.SMS : MessageChannel.EMAIL, m.recipient(), m.subject(), m.body(), PURPOSE))
                .toList());
    }

    String text(DeliberationSession s, String name) {
        String place = s.getVenueId() == null ? "온라인" : venues.findById(s.getVenueId()).map(Venue::getName).orElse("");
        return name + "님, 시민참여단 ‘" + s.getTitle() + "’에 초대합니다. " + DATE.format(s.getDate()) + "("
                + s.getDate().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.KOREAN) + ") " + s.getStart() + "–"
                + s.getEnd() + ", " + place + ". 참석 여부를 개인 페이지에서 알려 주세요: " + publicUrl + "/code";
    }
}
