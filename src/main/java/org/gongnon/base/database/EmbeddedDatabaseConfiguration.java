package org.gongnon.base.database;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url} configured, the application starts its own MariaDB server and
 * connects to it through Connector/J, exactly as it would to an external MySQL or MariaDB.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    @Bean
    EmbeddedMariaDb embeddedMariaDb(@Value("${gongnon.embedded-db.data-dir:}") String dataDir,
                                    @Value("${gongnon.embedded-db.throw-away:false}") boolean throwAway) {
        Path directory = throwAway ? null
                : Path.of(dataDir.isBlank() ? System.getProperty("user.home") + "/.gongnon/mariadb-data" : dataDir);
        return EmbeddedMariaDb.startOrGet(directory);
    }

    @Bean
    DataSource dataSource(EmbeddedMariaDb db,
                          @Value("${gongnon.db.connection-timeout-ms:10000}") long connectionTimeoutMs) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("gongnon-embedded");
        dataSource.setJdbcUrl(db.jdbcUrl());
        dataSource.setUsername("root");
        dataSource.setPassword("");
        dataSource.setMaximumPoolSize(20);
        dataSource.setConnectionTimeout(connectionTimeoutMs);
        return dataSource;
    }
}
