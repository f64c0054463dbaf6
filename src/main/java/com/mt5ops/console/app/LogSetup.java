package com.mt5ops.console.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.spi.FilterReply;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Logging set up in code (found by logback as a service). The log file ({@link LogFile}) gets the console's INFO and
 * everyone's warnings, with stack traces; stderr only the console's own warnings in one line each, since expected
 * failures reach users as one clear line from the command itself ({@code -Dmt5.log.level=INFO|DEBUG} for more). In
 * code rather than logback.xml because the XML configurator costs about 0.2 s of a cold start.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
    static final String LEVEL_PROPERTY = "mt5.log.level";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr(context));
        file(context, LogFile.dir());
        for (String noisy : new String[] {"io.netty", "reactor"}) {
            context.getLogger(noisy).setLevel(Level.ERROR);
        }
        context.getLogger("com.mt5ops").setLevel(Level.toLevel(System.getProperty(LEVEL_PROPERTY), Level.INFO));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static ConsoleAppender<ILoggingEvent> stderr(LoggerContext context) {
        PatternLayoutEncoder encoder = encoder(context, "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n%nopex");
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        Level least = Level.toLevel(System.getProperty(LEVEL_PROPERTY), Level.WARN);
        stderr.addFilter(new Filter<>() {
            @Override
            public FilterReply decide(ILoggingEvent e) {
                return e.getLoggerName().startsWith("com.mt5ops") && e.getLevel().isGreaterOrEqual(least)
                        ? FilterReply.NEUTRAL : FilterReply.DENY;
            }
        });
        stderr.start();
        return stderr;
    }

    /** The log file, owner-only; none (stderr only) when its folder cannot be made. */
    private static void file(LoggerContext context, Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException | UnsupportedOperationException e) {
            return;
        }
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(dir.resolve("console.log").toString());
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(dir.resolve("console.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(3);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> size = new SizeBasedTriggeringPolicy<>();
        size.setContext(context);
        size.setMaxFileSize(FileSize.valueOf("10MB"));
        size.start();
        file.setRollingPolicy(rolling);
        file.setTriggeringPolicy(size);
        file.setEncoder(encoder(context, "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n"));
        file.start();
        if (file.isStarted()) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(file);
        }
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }
}
