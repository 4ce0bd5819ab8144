package se.medborgarloften.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The promise that no child outlives the launcher, and that Ctrl-C leaves the stopping order to the launcher. */
class OrphanGuardTest {

    private Process child;

    @AfterEach
    void killChild() {
        if (child != null) {
            child.destroyForcibly();
        }
    }

    @Test
    void a_child_ends_when_the_launcher_is_gone() throws Exception {
        child = startSleeper();

        child.getOutputStream().close();

        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isZero();
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void a_child_ignores_the_terminals_ctrl_c_but_stops_on_sigterm() throws Exception {
        child = startSleeper();

        new ProcessBuilder("kill", "-INT", String.valueOf(child.pid())).start().waitFor();
        assertThat(child.waitFor(1, TimeUnit.SECONDS)).isFalse();

        child.destroy();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    private static Process startSleeper() throws IOException {
        JavaCommand command = new JavaCommand(
                List.of("-Xmx32m"), System.getProperty("java.class.path"), Sleeper.class.getName(), List.of());
        Process process = new ProcessBuilder(command.commandLine())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader output =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        assertThat(output.readLine()).isEqualTo(Sleeper.STARTED);
        return process;
    }

    /** A child that would run for ever on its own. */
    public static final class Sleeper {

        static final String STARTED = "started";

        public static void main(String[] args) throws InterruptedException {
            System.out.println(STARTED);
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
