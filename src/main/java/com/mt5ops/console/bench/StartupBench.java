package com.mt5ops.console.bench;

import com.mt5ops.console.app.LaunchOptions;
import com.mt5ops.console.app.Launcher;
import com.mt5ops.console.app.SettingsStore;
import com.mt5ops.console.redis.RedisEndpoint;
import com.mt5ops.console.redis.UriText;
import com.mt5ops.console.ui.settings.Settings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start-up to a filled window: starts the console in a fresh JVM (the same jar or class path as this one; a real
 * window when there is a display, else headless JavaFX with software rendering) against a Redis holding the fleet,
 * and reads back how long after its JVM start the window first laid out the whole fleet. A fresh JVM each round:
 * nothing is warm but the OS file cache.
 */
public final class StartupBench {
    private static final Pattern REPORT = Pattern.compile("first_data_ms=(\\d+) instances=(\\d+) cpu_ms=(-?\\d+)");

    /** One start: wall time to the filled window (from the child's JVM start) and the CPU it used until then. */
    public record Start(long firstDataMs, long instances, long cpuMs) {
    }

    /** How the console is started: as the installer's launcher does, or as a bare {@code java -jar}. */
    public enum Launch {
        /** The window's JVM options, and a class-data archive written by one training start (as the installer does). */
        INSTALLED,
        /** No JVM options and no archive. */
        PLAIN
    }

    private final PrintWriter progress;

    public StartupBench(PrintWriter progress) {
        this.progress = progress;
    }

    /** {@code redisUri} may carry a password: the console gets it in its environment, not on its command line. */
    public List<Start> measure(String redisUri, int rounds, Launch launch) throws IOException, InterruptedException {
        List<Start> starts = new ArrayList<>();
        String password;
        try {
            password = UriText.split(redisUri).password();
        } catch (UriText.Malformed e) {
            throw new IOException("not a Redis URI: " + e.getMessage(), e);
        }
        String shown = UriText.remembered(redisUri);
        Path config = Files.createTempDirectory("mt5-bench-config");
        try {
            // a returning operator's settings, so that reading them is part of every start
            new SettingsStore(config).save(Settings.defaults().withRedis(shown));
            List<String> jvm = new ArrayList<>();
            if (launch == Launch.INSTALLED) {
                jvm.addAll(LaunchOptions.gui());
                Path archive = config.resolve("gui.jsa");
                List<String> train = new ArrayList<>(jvm);
                train.add("-XX:ArchiveClassesAtExit=" + archive);
                try { // as installer/train-class-archive.sh: headless, on a private demo fleet of 2,000
                    once(train, config, List.of("--demo", "--demo-instances", "2000"), null, true, Duration.ofSeconds(60));
                } catch (IOException e) {
                    progress.printf("  the training start failed: %s%n", e.getMessage());
                }
                boolean archived = Files.isRegularFile(archive);
                if (archived) {
                    jvm.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
                }
                progress.printf("  start-up as installed: %s%s%n", String.join(" ", jvm),
                        archived ? "" : " (no class-data archive: the JVM archives classes from jars only)");
            }
            for (int k = 0; k < rounds; k++) {
                Start s = once(jvm, config, List.of("--redis", shown), password, !onDisplay(), Duration.ofSeconds(10));
                progress.printf("  start-up %d: filled window after %d ms (%d instances, %d ms CPU)%n", k + 1, s.firstDataMs(),
                        s.instances(), s.cpuMs());
                progress.flush();
                starts.add(s);
            }
        } finally {
            try (var files = Files.walk(config)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return starts;
    }

    /** A real window when there is a display (X11), else JavaFX's headless platform with software rendering. */
    public static boolean onDisplay() {
        String display = System.getenv("DISPLAY");
        return display != null && !display.isBlank();
    }

    private Start once(List<String> jvm, Path config, List<String> source, String password, boolean headless, Duration exitWithin)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        cmd.addAll(jvm);
        if (headless) {
            cmd.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                    "-Dheadless.geometry=1600x1000-32"));
        }
        cmd.addAll(List.of("-Dmt5.config.dir=" + config, "-cp", System.getProperty("java.class.path"),
                Launcher.class.getName(), "gui"));
        cmd.addAll(source);
        cmd.addAll(List.of("--read-only", "--exit-after-first-data"));
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        if (password == null) {
            builder.environment().remove(RedisEndpoint.PASSWORD_ENV);
        } else {
            builder.environment().put(RedisEndpoint.PASSWORD_ENV, password);
        }
        Process child = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                Matcher m = REPORT.matcher(line);
                if (m.find()) {
                    return new Start(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)));
                }
            }
            throw new IOException("the console exited without showing the fleet (exit " + child.waitFor() + ")");
        } finally {
            if (!child.waitFor(exitWithin.toMillis(), TimeUnit.MILLISECONDS)) {
                child.destroyForcibly();
            }
        }
    }
}
