package app.stamina.standalone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium, run as a process: the DOM a page ends with and a screenshot of it. Started with the
 * flags this network needs (no background connections, no sandbox as root) and a fresh profile each time.
 */
final class Chromium {

    private final Path executable;
    private final Path workDir;

    private Chromium(Path executable, Path workDir) {
        this.executable = executable;
        this.workDir = workDir;
    }

    /** Chromium from {@code STAMINA_CHROMIUM} or the usual places, if this machine has one. */
    static Optional<Chromium> find(Path workDir) {
        String configured = System.getenv("STAMINA_CHROMIUM");
        return Stream.of(configured, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
                .filter(candidate -> candidate != null && !candidate.isBlank()).map(Path::of)
                .filter(Files::isExecutable).findFirst().map(path -> new Chromium(path, workDir));
    }

    /** The page's DOM once its scripts have had {@code budgetMillis} of virtual time. */
    String dom(String url, int budgetMillis) throws IOException, InterruptedException {
        Path out = workDir.resolve("dom-" + System.nanoTime() + ".html");
        run(out, "--dump-dom", "--virtual-time-budget=" + budgetMillis, url);
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** A PNG screenshot of the page at {@code width} x {@code height} after {@code budgetMillis} of virtual time. */
    Path screenshot(String url, int width, int height, int budgetMillis) throws IOException, InterruptedException {
        Path png = workDir.resolve("screenshot-" + System.nanoTime() + ".png");
        run(workDir.resolve("screenshot.log"), "--screenshot=" + png, "--window-size=" + width + "," + height,
                "--hide-scrollbars", "--virtual-time-budget=" + budgetMillis, url);
        return png;
    }

    private void run(Path stdout, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(workDir, "profile")));
        command.addAll(List.of(arguments));
        Process chromium = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(workDir.resolve("chromium.err").toFile()).start();
        if (!chromium.waitFor(90, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
            throw new IllegalStateException("chromium did not finish within 90 s");
        }
        if (chromium.exitValue() != 0) {
            throw new IllegalStateException("chromium failed (" + chromium.exitValue() + "): "
                    + Files.readString(workDir.resolve("chromium.err")));
        }
    }
}
