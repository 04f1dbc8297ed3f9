package org.gongnon.recruitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.crypto.DataCipher;
import org.gongnon.base.crypto.EncryptedColumns;
import org.gongnon.demo.SyntheticPool;
import org.gongnon.demo.SyntheticRespondent;
import org.gongnon.process.MessageChannel;
import org.gongnon.process.OutboxMessageRow;
import org.gongnon.process.OutboxService;
import org.gongnon.process.OutgoingMessage;
import org.gongnon.process.PanelMemberSummary;
import org.gongnon.process.ProcessService;
import org.gongnon.process.ProcessTestForms;
import org.gongnon.testsupport.SignIn;
import org.gongnon.testsupport.TestNames;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Contact data at rest on the real embedded MariaDB: what a raw read of the tables (as a dump would) shows of
 * imported phone numbers, e-mail addresses and outbox recipients, and that identification numbers never get in.
 */
@SpringBootTest
class ContactEncryptionPersistenceTest {

    static final RecruitmentPersistenceTest.PoolCheckTranslator KEYS = new RecruitmentPersistenceTest.PoolCheckTranslator();

    @Autowired
    SignIn signIn;
    @Autowired
    ProcessService processes;
    @Autowired
    TargetsService targets;
    @Autowired
    PoolService pool;
    @Autowired
    OutboxService outbox;
    @Autowired
    org.gongnon.process.PanelService panel;
    @Autowired
    EncryptedColumns encryptedColumns;
    @Autowired
    DataCipher cipher;
    @Autowired
    JdbcTemplate jdbc;

    long processId;

    @BeforeEach
    void newProcess() {
        processId = signIn.facilitator(() -> processes.createProcess(ProcessTestForms.titled(TestNames.unique("암호화"))));
        RecruitmentTargets seoul = signIn.facilitator(() -> targets.seoulDefaults("test"));
        signIn.facilitator(() -> targets.save(processId, new RecruitmentTargets(10, ToleranceMode.SEATS, 2, 6, seoul.sharesSource(),
                seoul.features())));
    }

    PoolImportSummary importCsv(byte[] csv, boolean onlyValid) {
        return signIn.facilitator(() -> {
            PoolFilePreview preview = pool.preview(processId, "pool.csv", csv);
            return pool.importFile(processId, "pool.csv", csv, preview.guessed(), onlyValid, KEYS, n -> { });
        });
    }

    /** Every column of every row of the table, as text: what a mysqldump of it would hold. */
    String dump(String table, String where) {
        StringBuilder all = new StringBuilder();
        for (Map<String, Object> row : jdbc.queryForList("SELECT * FROM " + table + " WHERE " + where, processId)) {
            for (Object value : row.values()) {
                all.append(value instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(value))
                        .append('\t');
            }
            all.append('\n');
        }
        return all.toString();
    }

    @Test
    void importedPhonesAndEmailsAreStoredEncryptedAndReadBackThroughTheServices() {
        List<SyntheticRespondent> people = SyntheticPool.generate(SyntheticPool.DEFAULT_SEED, 60).stream()
                .filter(SyntheticRespondent::consent).toList();
        assertEquals(people.size(), importCsv(SyntheticPool.toCsv(people), false).acceptedRows());

        List<Map<String, Object>> raw = jdbc.queryForList(
                "SELECT name, phone, email FROM pool_member WHERE process_id = ? ORDER BY source_row", processId);
        assertEquals(people.size(), raw.size());
        for (Map<String, Object> row : raw) {
            assertTrue(DataCipher.isEncrypted((String) row.get("name")), "name stored as " + row.get("name"));
            assertTrue(DataCipher.isEncrypted((String) row.get("phone")), "phone stored as " + row.get("phone"));
            if (row.get("email") != null) {
                assertTrue(DataCipher.isEncrypted((String) row.get("email")));
            }
        }
        String dump = dump("pool_member", "process_id = ?");
        int emails = 0;
        for (SyntheticRespondent p : people) {
            String phone = Contacts.phone(p.phone()).orElseThrow();
            assertFalse(dump.contains(p.name()), "plaintext name in the table");
            assertFalse(dump.contains(phone), "plaintext phone in the table");
            assertFalse(dump.contains(phone.replace("-", "")), "plaintext phone digits in the table");
            assertFalse(dump.contains(phone.substring(phone.lastIndexOf('-'))), "a phone's last four digits");
            if (p.hasEmail()) {
                emails++;
                assertFalse(dump.contains(p.email()), "plaintext e-mail in the table");
                assertFalse(dump.contains(p.email().substring(0, p.email().indexOf('@'))), "an e-mail's local part");
            }
        }
        assertTrue(emails > 0, "the sample has e-mail addresses");

        List<PoolMemberRow> read = signIn.facilitator(() -> pool.overview(processId)).members();
        assertEquals(people.stream().map(SyntheticRespondent::name).toList(),
                read.stream().map(PoolMemberRow::name).toList());
        assertEquals(people.stream().map(p -> Contacts.phone(p.phone()).orElseThrow()).toList(),
                read.stream().map(PoolMemberRow::phone).toList());
        assertEquals(people.stream().map(p -> p.hasEmail() ? Contacts.email(p.email()).orElseThrow() : null).toList(),
                read.stream().map(PoolMemberRow::email).toList());
    }

    @Test
    void outboxRecipientsAreEncryptedAndTheSameAddressEncryptsDifferently() {
        String address = TestNames.email("citizen");
        OutgoingMessage one = new OutgoingMessage(processId, null, MessageChannel.EMAIL, address, "안내", "본문", "invitation");
        OutgoingMessage two = new OutgoingMessage(processId, null, MessageChannel.SMS, "010-2468-1357", null, "본문",
                "reminder");
        assertEquals(3, signIn.facilitator(() -> outbox.enqueue(processId, List.of(one, one, two))));

        List<String> stored = jdbc.queryForList(
                "SELECT recipient FROM outbox_message WHERE process_id = ? ORDER BY id", String.class, processId);
        assertEquals(3, stored.size());
        stored.forEach(s -> assertTrue(DataCipher.isEncrypted(s), s));
        assertNotEquals(stored.get(0), stored.get(1), "the same recipient twice is stored as two different texts");
        String dump = dump("outbox_message", "process_id = ?");
        assertFalse(dump.contains(address));
        assertFalse(dump.contains("2468-1357"));
        assertFalse(dump.contains("24681357"));

        assertEquals(List.of("010-2468-1357", address, address),
                signIn.facilitator(() -> outbox.list(processId, null)).stream().map(OutboxMessageRow::recipient).sorted().toList());
    }

    @Test
    void theRejectedRowsFileIsEncryptedAndIdNumbersNeverGetIn() {
        List<SyntheticRespondent> people = new ArrayList<>(SyntheticPool.generate(SyntheticPool.DEFAULT_SEED + 1, 20)
                .stream().filter(SyntheticRespondent::consent).toList());
        String csv = new String(SyntheticPool.toCsv(people), StandardCharsets.UTF_8)
                // an ID number in a name, and an ID number without its hyphen in the phone column
                + "홍길동 850302-1234567,010-3333-4444,,강남구,남성,40,찬성,동의\r\n"
                + "김영희,8503022234567,,강남구,여성,40,찬성,동의\r\n";
        byte[] file = csv.getBytes(StandardCharsets.UTF_8);

        UserFacingException refused = assertThrows(UserFacingException.class, () -> importCsv(file, false));
        assertEquals("recruitment.import.has-problems", refused.messageKey());
        assertEquals(0, jdbc.queryForObject("SELECT COUNT(*) FROM pool_member WHERE process_id = ?", Integer.class,
                processId), "nothing stored on refusal");

        PoolImportSummary valid = importCsv(file, true);
        assertEquals(people.size(), valid.acceptedRows());
        assertEquals(2, valid.rejectedRows());
        String members = dump("pool_member", "process_id = ?");
        String imports = dump("pool_import", "process_id = ?");
        for (String dump : List.of(members, imports)) {
            assertFalse(dump.contains("1234567"), "no part of an ID number is stored");
            assertFalse(dump.contains("2234567"));
            assertFalse(dump.contains("850302"));
            assertFalse(dump.contains("3333-4444"), "a rejected row's phone is not stored in plaintext");
        }
        byte[] rawRejected = jdbc.queryForObject("SELECT rejected_csv FROM pool_import WHERE process_id = ?",
                byte[].class, processId);
        assertTrue(DataCipher.isEncrypted(rawRejected));
        String rejected = new String(signIn.facilitator(() -> pool.rejectedRows(processId)), StandardCharsets.UTF_8);
        assertTrue(rejected.contains("010-3333-4444"), "the facilitator still downloads the rejected rows");
        assertTrue(rejected.contains("******-*******"), "with the ID number masked: " + rejected);
        assertFalse(rejected.contains("1234567"));
    }

    @Test
    void plaintextFromBeforeEncryptionIsReadAndRewrittenEncryptedAtStartup() {
        List<SyntheticRespondent> people = SyntheticPool.generate(SyntheticPool.DEFAULT_SEED + 2, 10).stream()
                .filter(SyntheticRespondent::consent).toList();
        importCsv(SyntheticPool.toCsv(people), false);
        long memberId = jdbc.queryForObject("SELECT MIN(id) FROM pool_member WHERE process_id = ?", Long.class, processId);
        // A developer's database from before: contact data written in plaintext.
        jdbc.update("UPDATE pool_member SET name = '옛이름', phone = '010-5555-0001', email = 'legacy@example.org' "
                + "WHERE id = ?", memberId);
        jdbc.update("UPDATE pool_import SET rejected_csv = ? WHERE process_id = ?",
                "이름,휴대폰\n옛사람,010-5555-0002\n".getBytes(StandardCharsets.UTF_8), processId);
        signIn.facilitator(() -> outbox.enqueue(processId, List.of(new OutgoingMessage(processId, null, MessageChannel.SMS,
                "010-5555-0003", null, "본문", "reminder"))));
        jdbc.update("UPDATE outbox_message SET recipient = '010-5555-0003' WHERE process_id = ?", processId);

        PoolMemberRow before = signIn.facilitator(() -> pool.overview(processId)).members().getFirst();
        assertEquals("010-5555-0001", before.phone(), "legacy plaintext is read as it is");
        assertEquals("legacy@example.org", before.email());
        assertEquals("옛이름", before.name());

        encryptedColumns.afterPropertiesSet(); // what every startup does

        Map<String, Object> raw = jdbc.queryForMap("SELECT name, phone, email FROM pool_member WHERE id = ?", memberId);
        assertTrue(DataCipher.isEncrypted((String) raw.get("name")), raw.toString());
        assertTrue(DataCipher.isEncrypted((String) raw.get("phone")), raw.toString());
        assertTrue(DataCipher.isEncrypted((String) raw.get("email")), raw.toString());
        assertTrue(DataCipher.isEncrypted(jdbc.queryForObject(
                "SELECT rejected_csv FROM pool_import WHERE process_id = ?", byte[].class, processId)));
        assertTrue(DataCipher.isEncrypted(jdbc.queryForObject(
                "SELECT recipient FROM outbox_message WHERE process_id = ?", String.class, processId)));
        assertEquals(0, jdbc.queryForObject("SELECT COUNT(*) FROM pool_member WHERE name NOT LIKE 'v1:%' "
                + "OR phone NOT LIKE 'v1:%' OR email NOT LIKE 'v1:%'", Integer.class), "no plaintext left anywhere");

        PoolMemberRow after = signIn.facilitator(() -> pool.overview(processId)).members().getFirst();
        assertEquals("010-5555-0001", after.phone());
        assertEquals("legacy@example.org", after.email());
        assertEquals("옛이름", after.name());
        assertEquals("이름,휴대폰\n옛사람,010-5555-0002\n",
                new String(signIn.facilitator(() -> pool.rejectedRows(processId)), StandardCharsets.UTF_8));
        assertEquals("010-5555-0003", signIn.facilitator(() -> outbox.list(processId, null)).getFirst().recipient());

        String already = (String) raw.get("phone");
        encryptedColumns.afterPropertiesSet();
        assertEquals(already, jdbc.queryForObject("SELECT phone FROM pool_member WHERE id = ?", String.class, memberId),
                "encrypted values are left alone");
    }

    @Test
    void panelMembersNamesAreEncryptedAndStillListedInKoreanOrder() {
        for (String name : List.of("홍길동", "가나다", "박서준", "김민수")) {
            signIn.facilitator(() -> panel.addPanelMember(processId, name));
        }
        String dump = dump("panel_member", "process_id = ?");
        for (String name : List.of("홍길동", "가나다", "박서준", "김민수")) {
            assertFalse(dump.contains(name), "plaintext name in the table: " + name);
        }
        assertEquals(0, jdbc.queryForObject("SELECT COUNT(*) FROM panel_member WHERE process_id = ? "
                + "AND display_name NOT LIKE 'v1:%'", Integer.class, processId));
        // The database cannot sort what it cannot read: the service sorts, in Korean order.
        assertEquals(List.of("가나다", "김민수", "박서준", "홍길동"),
                signIn.facilitator(() -> panel.listPanel(processId)).stream().map(PanelMemberSummary::displayName).toList());
        assertEquals(List.of("가나다", "김민수", "박서준", "홍길동"),
                signIn.facilitator(() -> panel.activePanel(processId)).stream().map(PanelMemberSummary::displayName).toList());

        // A name from before encryption is read as it is and rewritten encrypted at the next start.
        long id = signIn.facilitator(() -> panel.listPanel(processId)).getFirst().id();
        jdbc.update("UPDATE panel_member SET display_name = '옛참여자' WHERE id = ?", id);
        assertTrue(signIn.facilitator(() -> panel.listPanel(processId)).stream().anyMatch(m -> m.displayName().equals("옛참여자")));
        encryptedColumns.afterPropertiesSet();
        assertTrue(DataCipher.isEncrypted(jdbc.queryForObject("SELECT display_name FROM panel_member WHERE id = ?",
                String.class, id)));
        assertEquals("옛참여자", signIn.facilitator(() -> panel.listPanel(processId)).stream().filter(m -> m.id() == id)
                .findFirst().orElseThrow().displayName());
    }

    @Test
    void aWrongKeyIsRefusedAtStartupAndNeverReadsGarbage() {
        importCsv(SyntheticPool.toCsv(SyntheticPool.generate(SyntheticPool.DEFAULT_SEED + 3, 5).stream()
                .filter(SyntheticRespondent::consent).toList()), false);
        DataCipher wrong = new DataCipher(new byte[32]);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> EncryptedColumns.verifyKey(jdbc, wrong));
        assertTrue(refused.getMessage().contains("GONGNON_DATA_KEY"), refused.getMessage());
        EncryptedColumns.verifyKey(jdbc, cipher); // the right key passes

        String stored = jdbc.queryForObject("SELECT phone FROM pool_member WHERE process_id = ? LIMIT 1", String.class,
                processId);
        assertThrows(DataCipher.DataDecryptionException.class, () -> wrong.decrypt(stored));
    }
}
