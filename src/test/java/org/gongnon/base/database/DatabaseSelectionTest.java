package org.gongnon.base.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/** Embedded MariaDB by default; a configured datasource URL replaces it and nothing is started. */
class DatabaseSelectionTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(EmbeddedDatabaseConfiguration.class)
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class));

    @Test
    void withoutAUrlTheEmbeddedServerIsUsedThroughConnectorJ() {
        runner.withPropertyValues("gongnon.embedded-db.throw-away=true").run(context -> {
            assertThat(context).hasSingleBean(EmbeddedMariaDb.class);
            EmbeddedMariaDb db = context.getBean(EmbeddedMariaDb.class);
            assertThat(db.jdbcUrl()).startsWith("jdbc:mysql://127.0.0.1:");
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            assertThat(jdbc.queryForObject("SELECT VERSION()", String.class)).contains("MariaDB");
            assertThat(jdbc.queryForObject("SELECT DATABASE()", String.class)).isEqualTo(EmbeddedMariaDb.DATABASE);
        });
    }

    @Test
    void aConfiguredUrlIsUsedAndNoServerIsStarted() {
        // The "external" server here is this JVM's embedded one, reached only through the URL.
        EmbeddedMariaDb external = EmbeddedMariaDb.startOrGet(null);
        runner.withPropertyValues("spring.datasource.url=" + external.jdbcUrl(), "spring.datasource.username=root",
                "spring.datasource.password=").run(context -> {
            assertThat(context).doesNotHaveBean(EmbeddedMariaDb.class);
            assertThat(context.getBean(DataSource.class).getConnection().getMetaData().getURL())
                    .isEqualTo(external.jdbcUrl());
        });
    }
}
