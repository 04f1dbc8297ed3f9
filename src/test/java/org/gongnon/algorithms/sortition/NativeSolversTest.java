package org.gongnon.algorithms.sortition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OR-Tools' libraries are unpacked once into a private cache directory and reused, and they load from it. */
class NativeSolversTest {

    @TempDir
    Path home;

    @Test
    void theLibrariesAreUnpackedOnceIntoAPrivateDirectoryAndReused() throws IOException {
        Path dir = NativeSolvers.cached(home);
        assertTrue(Files.exists(dir.resolve(".complete")));
        assertTrue(Files.exists(dir.resolve(System.mapLibraryName("jniortools"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.toList();
        }
        assertTrue(files.size() > 10, "the JNI library and the libraries it links: " + files.size());
        long before = Files.getLastModifiedTime(dir.resolve(System.mapLibraryName("jniortools"))).toMillis();

        assertEquals(dir, NativeSolvers.cached(home), "the same OR-Tools, the same directory");
        assertEquals(before, Files.getLastModifiedTime(dir.resolve(System.mapLibraryName("jniortools"))).toMillis(),
                "not copied again");
        try (Stream<Path> list = Files.list(home)) {
            assertEquals(List.of(dir), list.toList(), "no staging directory left behind");
        }
    }

    @Test
    void theSolversWorkOnceLoaded() {
        NativeSolvers.load();
        NativeSolvers.load();
        // A LEXIMIN lottery needs GLOP and SCIP: the smallest example gives everyone 10 %.
        assertEquals(0.1, Leximin.leximin(SortitionExamples.load("example_small_20")).minimumProbability(), 1e-9);
    }
}
