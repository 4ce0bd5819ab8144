package se.medborgarloften.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first run of a build writes the class archive on its way out; the starts after a clean stop use it. */
class ClassDataArchiveTest {

    private static final String WRITE_AT_EXIT = "-XX:ArchiveClassesAtExit=";

    @TempDir
    Path folder;

    @Test
    void the_first_run_writes_the_archive_and_the_next_run_uses_it_after_a_clean_stop() throws IOException {
        ClassDataArchive firstRun = new ClassDataArchive(folder);
        exitWritingArchive(firstRun.jvmOptions());

        firstRun.keep();

        assertThat(new ClassDataArchive(folder).jvmOptions())
                .containsExactly("-XX:SharedArchiveFile=" + folder.resolve("app.jsa"));
    }

    @Test
    void a_run_that_did_not_stop_cleanly_leaves_the_next_run_to_write_it_again() throws IOException {
        exitWritingArchive(new ClassDataArchive(folder).jvmOptions());

        assertThat(new ClassDataArchive(folder).jvmOptions()).anyMatch(option -> option.startsWith(WRITE_AT_EXIT));
    }

    @Test
    void two_runs_at_once_never_write_the_same_file() {
        assertThat(new ClassDataArchive(folder).jvmOptions())
                .doesNotContainAnyElementsOf(new ClassDataArchive(folder)
                        .jvmOptions().stream()
                                .filter(option -> option.startsWith(WRITE_AT_EXIT))
                                .toList());
    }

    /** What the JVM does at exit with the option it was given. */
    private static void exitWritingArchive(List<String> jvmOptions) throws IOException {
        String option = jvmOptions.stream()
                .filter(candidate -> candidate.startsWith(WRITE_AT_EXIT))
                .findFirst()
                .orElseThrow();
        Files.writeString(Path.of(option.substring(WRITE_AT_EXIT.length())), "classes");
    }
}
