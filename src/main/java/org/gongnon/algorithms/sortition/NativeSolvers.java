package org.gongnon.algorithms.sortition;

import com.google.ortools.Loader;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads OR-Tools' native libraries from a per-user cache instead of unpacking them at every start. OR-Tools' own
 * {@link Loader} copies its 65 MB of libraries into a new temporary directory each time a JVM starts (about 0.45 s
 * of a one-second `sortition` run on two cores; a process that is killed leaves the copy behind). Here they are
 * unpacked once per OR-Tools version into {@code ~/.cache/gongnon/ortools-<hash of names and sizes>}, readable and
 * writable by the user only (so no other account can plant a library there), and loaded from it. When that is not
 * possible (no writable home, another packaging) OR-Tools' own loader is used as before.
 */
public final class NativeSolvers {

    private static boolean loaded;

    private NativeSolvers() {
    }

    public static synchronized void load() {
        if (loaded) {
            return;
        }
        try {
            Path dir = cached(Path.of(System.getProperty("user.home"), ".cache", "gongnon"));
            System.load(dir.resolve(System.mapLibraryName("jniortools")).toAbsolutePath().toString());
            markLoaderDone();
        } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
            Loader.loadNativeLibraries();
        }
        loaded = true;
    }

    /** The unpacked libraries under {@code home}, unpacking them first if this version was not there yet. */
    static Path cached(Path home) throws IOException {
        String prefix = com.sun.jna.Platform.RESOURCE_PREFIX;
        URL resource = Loader.class.getClassLoader().getResource("ortools-" + prefix + "/");
        if (resource == null) {
            throw new IOException("no native libraries for " + prefix);
        }
        URI uri;
        try {
            uri = resource.toURI();
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        FileSystem opened = null;
        try {
            Path source;
            if ("file".equals(uri.getScheme())) {
                source = Path.of(uri);
            } else {
                try {
                    opened = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileAlreadyExistsException | java.nio.file.FileSystemAlreadyExistsException e) {
                    opened = null;
                }
                source = opened != null ? opened.provider().getPath(uri) : FileSystems.getFileSystem(uri).provider().getPath(uri);
            }
            List<Path> files = new ArrayList<>();
            try (Stream<Path> walk = Files.list(source)) {
                walk.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
            Path target = home.resolve("ortools-" + fingerprint(files));
            if (Files.exists(target.resolve(".complete"))) {
                return target;
            }
            Files.createDirectories(home);
            Path staging = Files.createTempDirectory(home, "ortools-unpacking-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            for (Path f : files) {
                Files.copy(f, staging.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(staging.resolve(".complete"), "", StandardCharsets.UTF_8);
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException
                     | java.nio.file.DirectoryNotEmptyException e) {
                // Another process unpacked the same files first: use theirs.
                deleteQuietly(staging);
            }
            return target;
        } catch (FileSystemNotFoundException | UnsupportedOperationException | IllegalArgumentException e) {
            throw new IOException(e);
        } finally {
            if (opened != null) {
                opened.close();
            }
        }
    }

    /** Names and sizes of the libraries: another OR-Tools version, another directory. */
    private static String fingerprint(List<Path> files) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path f : files) {
                sha.update((f.getFileName() + ":" + Files.size(f) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Tells OR-Tools' loader the libraries are in, so a later call of it does not unpack them again. */
    private static void markLoaderDone() {
        try {
            var field = Loader.class.getDeclaredField("loaded");
            field.setAccessible(true);
            field.setBoolean(null, true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Then Loader unpacks once more if someone calls it; nothing breaks.
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover staging directory is harmless
        }
    }
}
