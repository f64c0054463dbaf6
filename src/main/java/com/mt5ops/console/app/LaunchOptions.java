package com.mt5ops.console.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/** The JVM options every launch of the window uses, as the build wrote them (the pom's gui.jvm.options). */
public final class LaunchOptions {
    private LaunchOptions() {
    }

    public static List<String> gui() {
        Properties p = new Properties();
        try (InputStream in = LaunchOptions.class.getResourceAsStream("launch.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return List.of();
        }
        String options = p.getProperty("gui.jvm.options", "").trim();
        return options.isEmpty() || options.startsWith("${") ? List.of() : Arrays.asList(options.split("\\s+"));
    }
}
