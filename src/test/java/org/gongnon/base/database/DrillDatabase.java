package org.gongnon.base.database;

import java.nio.file.Path;

/**
 * An embedded MariaDB server that a fault drill stops and starts again under a running application: same data
 * directory, same port, so the application's connection pool can find it again.
 */
public final class DrillDatabase {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedMariaDb server;
    private String jdbcUrl;

    private DrillDatabase(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    public static DrillDatabase start(Path dataDirectory, int port) {
        DrillDatabase db = new DrillDatabase(dataDirectory, port);
        db.start();
        return db;
    }

    public synchronized void start() {
        if (server == null) {
            server = EmbeddedMariaDb.start(dataDirectory, port);
            jdbcUrl = server.jdbcUrl();
        }
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }
}
