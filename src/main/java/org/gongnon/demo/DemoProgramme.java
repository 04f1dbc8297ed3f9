package org.gongnon.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.gongnon.recruitment.PanelRoster;
import org.gongnon.recruitment.PanelSeatingService;
import org.gongnon.recruitment.RosterMember;
import org.gongnon.recruitment.SeoulDefaults;
import org.gongnon.scheduling.AgendaItemForm;
import org.gongnon.scheduling.AgendaKind;
import org.gongnon.scheduling.AttendanceService;
import org.gongnon.scheduling.InvitationService;
import org.gongnon.scheduling.InvitationStatus;
import org.gongnon.scheduling.ProgrammeService;
import org.gongnon.scheduling.RoundForm;
import org.gongnon.scheduling.RoundKind;
import org.gongnon.scheduling.SessionForm;
import org.gongnon.scheduling.TableService;
import org.gongnon.scheduling.VenueForm;
import org.springframework.stereotype.Component;

/**
 * The demo's programme, as a facilitator would build it: an orientation and an expert forum (held), the first
 * round in five regional sessions (held), and the grand deliberation today, with invitations, some declines,
 * and attendance for what has taken place. Answers and attendance follow a seeded random pattern.
 */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "gongnon.demo.enabled",
        havingValue = "true")
class DemoProgramme {

    static final String GRAND_DELIBERATION = "2차 시민대토론회";
    private static final long SEED = 2026L;

    private final ProgrammeService programme;
    private final InvitationService invitations;
    private final AttendanceService attendance;
    private final PanelSeatingService seating;
    private final TableService tables;
    private LocalDate today;

    DemoProgramme(ProgrammeService programme, InvitationService invitations, AttendanceService attendance,
                  PanelSeatingService seating, TableService tables) {
        this.tables = tables;
        this.programme = programme;
        this.invitations = invitations;
        this.attendance = attendance;
        this.seating = seating;
    }

    /** Today's tables: ten per table, each with its facilitator. */
    void seatToday(long sessionId) {
        int count = tables.assign(sessionId, 10).tables().size();
        for (int t = 1; t <= count; t++) {
            tables.setFacilitator(sessionId, t, TABLE_FACILITATORS.get((t - 1) % TABLE_FACILITATORS.size()));
        }
    }

    private static final List<String> TABLE_FACILITATORS = List.of("강하늘", "고은비", "권도현", "남지수", "노을", "류시원",
            "문가영", "배준호", "서다인", "신유찬", "안소희", "양재원", "엄지민", "오세린", "유태오", "윤슬기", "임채원",
            "전하람", "정우성", "조아라", "주민호", "지예린", "진서율", "차은호", "채다솜", "최윤재", "하승민", "한가람",
            "허윤아", "홍서진");

    /** Builds the programme; returns the id of today's grand deliberation. */
    long create(long processId, LocalDate today) {
        this.today = today;
        long cityHall = venue(processId, "서울시청 다목적홀", "서울특별시 중구 세종대로 110", 350,
                "휠체어 접근 가능, 수어 통역, 유아 돌봄 공간");
        Map<String, Long> regionalHalls = new HashMap<>();
        regionalHalls.put("도심권", venue(processId, "서울시민청 태평홀", "서울특별시 중구 세종대로 110 지하", 120,
                "엘리베이터 있음"));
        regionalHalls.put("동북권", venue(processId, "노원구민회관 대강당", "서울특별시 노원구 노해로 437", 150,
                "휠체어 접근 가능"));
        regionalHalls.put("서북권", venue(processId, "마포중앙도서관 세미나실", "서울특별시 마포구 성산로 128", 100,
                "휠체어 접근 가능"));
        regionalHalls.put("서남권", venue(processId, "영등포아트홀", "서울특별시 영등포구 영등포로 142", 150,
                "휠체어 접근 가능, 주차 지원"));
        regionalHalls.put("동남권", venue(processId, "송파구민회관", "서울특별시 송파구 백제고분로 242", 150,
                "휠체어 접근 가능"));

        long orientationRound = round(processId, "오리엔테이션", RoundKind.ORIENTATION);
        long forumRound = round(processId, "전문가 포럼", RoundKind.EXPERT_FORUM);
        long firstRound = round(processId, "1차 권역별 숙의토론", RoundKind.REGIONAL_DELIBERATION);
        long grandRound = round(processId, "2차 시민대토론회", RoundKind.GRAND_DELIBERATION);

        List<Long> held = new ArrayList<>();
        held.add(session(processId, orientationRound, "오리엔테이션", today.minusDays(56), 14, 17, cityHall, null,
                "신분증", List.of(
                        item(14, 0, 14, 30, AgendaKind.PLENARY, "개회 및 공론화 소개", "공론화추진위원장"),
                        item(14, 30, 15, 30, AgendaKind.PRESENTATION, "숙의 방법과 토론 규칙 안내", "퍼실리테이터 팀"),
                        item(15, 30, 15, 45, AgendaKind.BREAK, "휴식", ""),
                        item(15, 45, 16, 30, AgendaKind.SMALL_GROUP, "분임 인사 나누기", "분임 진행자"),
                        item(16, 30, 17, 0, AgendaKind.SURVEY, "사전 설문", ""))));
        held.add(session(processId, forumRound, "전문가 포럼: 처리시설의 현황과 쟁점", today.minusDays(42), 10, 16,
                cityHall, null, "자료집(사전 배부)", List.of(
                        item(10, 0, 11, 0, AgendaKind.PRESENTATION, "서울시 생활폐기물 현황", "서울시 자원순환과"),
                        item(11, 0, 12, 0, AgendaKind.PRESENTATION, "처리시설의 환경 영향: 찬성과 반대의 관점",
                                "환경공학 교수, 시민단체 활동가"),
                        item(12, 0, 13, 0, AgendaKind.BREAK, "점심", ""),
                        item(13, 0, 14, 30, AgendaKind.QA, "전문가 질의응답", "발표자 전원"),
                        item(14, 30, 16, 0, AgendaKind.SMALL_GROUP, "분임토의: 궁금한 점 정리", "분임 진행자"))));
        int offset = 16;
        for (String region : SeoulDefaults.REGIONS) {
            held.add(session(processId, firstRound, "1차 숙의토론 (" + region + ")", today.minusDays(offset--), 14, 18,
                    regionalHalls.get(region), region, "신분증, 자료집", List.of(
                            item(14, 0, 14, 30, AgendaKind.PRESENTATION, "쟁점 요약", "공론화추진위원회"),
                            item(14, 30, 16, 0, AgendaKind.SMALL_GROUP, "분임토의: 입지 기준", "분임 진행자"),
                            item(16, 0, 16, 15, AgendaKind.BREAK, "휴식", ""),
                            item(16, 15, 17, 30, AgendaKind.PLENARY, "전체 토론", "퍼실리테이터"),
                            item(17, 30, 18, 0, AgendaKind.SURVEY, "중간 설문", ""))));
        }
        long grand = session(processId, grandRound, GRAND_DELIBERATION, today, 10, 18, cityHall, null,
                "신분증, 자료집, 중간 설문 결과지", List.of(
                        item(10, 0, 10, 30, AgendaKind.PLENARY, "개회 및 1차 토론 결과 공유", "공론화추진위원장"),
                        item(10, 30, 12, 0, AgendaKind.SMALL_GROUP, "분임토의 1: 입지 기준의 우선순위", "분임 진행자"),
                        item(12, 0, 13, 0, AgendaKind.BREAK, "점심", ""),
                        item(13, 0, 15, 0, AgendaKind.SMALL_GROUP, "분임토의 2: 주민 지원과 감시 방안", "분임 진행자"),
                        item(15, 0, 16, 30, AgendaKind.PLENARY, "전체 토론과 권고안 초안 검토", "퍼실리테이터"),
                        item(16, 30, 17, 0, AgendaKind.BREAK, "휴식", ""),
                        item(17, 0, 18, 0, AgendaKind.SURVEY, "사후 설문", "")));

        PanelRoster roster = seating.roster(processId);
        Random random = new Random(SEED);
        for (long sessionId : held) {
            invitations.invite(sessionId);
            Map<Long, InvitationStatus> answers = answers(roster, sessionId, random, 0.06, 0.02);
            invitations.recordResponses(sessionId, answers);
            List<Long> came = new ArrayList<>();
            Set<Long> late = new HashSet<>();
            answers.forEach((member, answer) -> {
                if (answer == InvitationStatus.CONFIRMED && random.nextDouble() < 0.95) {
                    came.add(member);
                    if (random.nextDouble() < 0.05) {
                        late.add(member);
                    }
                }
            });
            attendance.recordSignInSheet(sessionId, came, late);
            // Tables for the sessions with small-group discussion, in date order so each round meets new people.
            tables.assign(sessionId, 8);
        }
        invitations.invite(grand);
        invitations.recordResponses(grand, answers(roster, grand, random, 0.05, 0.10));
        return grand;
    }

    /** Answers of the invited: mostly yes, {@code declineShare} no, {@code silentShare} no answer. */
    private Map<Long, InvitationStatus> answers(PanelRoster roster, long sessionId, Random random, double declineShare,
                                                double silentShare) {
        Map<Long, InvitationStatus> answers = new HashMap<>();
        invitations.invitations(sessionId).forEach(row -> {
            double r = random.nextDouble();
            if (r < declineShare) {
                answers.put(row.panelMemberId(), InvitationStatus.DECLINED);
            } else if (r >= declineShare + silentShare) {
                answers.put(row.panelMemberId(), InvitationStatus.CONFIRMED);
            }
        });
        return answers;
    }

    private long venue(long processId, String name, String address, int capacity, String accessibility) {
        return programme.saveVenue(new VenueForm(null, 0, processId, name, address, capacity, accessibility)).id();
    }

    private long round(long processId, String title, RoundKind kind) {
        return programme.saveRound(new RoundForm(null, 0, processId, title, kind)).id();
    }

    private long session(long processId, long roundId, String title, LocalDate date, int startHour, int endHour,
                         long venueId, String region, String bring, List<AgendaItemForm> agenda) {
        boolean past = date.isBefore(today);
        return programme.saveSession(new SessionForm(null, 0, processId, roundId, title, date,
                LocalTime.of(startHour, 0), LocalTime.of(endHour, 0), venueId, "",
                region == null ? null : SeoulDefaults.REGION, region, true, bring, past, agenda), true).id();
    }

    private static AgendaItemForm item(int h1, int m1, int h2, int m2, AgendaKind kind, String title, String people) {
        return new AgendaItemForm(LocalTime.of(h1, m1), LocalTime.of(h2, m2), kind, title, people);
    }
}
