package com.mt5ops.console.cli;

import com.mt5ops.console.export.TerminalText;
import com.mt5ops.console.redis.RedisAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one clear line on stderr and the contract's exit code; no stack traces for expected ones. A
 * message may quote the server (an error reply): it is escaped, so it stays one line and cannot act on the terminal.
 */
public final class ErrorHandler implements IExecutionExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);
    private final String logFile;

    /** {@code logFile}: where an unexpected failure's details go, named in its one line. */
    public ErrorHandler(String logFile) {
        this.logFile = logFile;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        Throwable t = ex;
        while (!(t instanceof RedisAccessException) && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        if (t instanceof RedisAccessException access) {
            cmd.getErr().println("error: " + TerminalText.escape(access.getMessage()));
            cmd.getErr().flush();
            return switch (access.reason()) {
                case BAD_URI -> ExitCodes.USAGE;
                case SERVER_ERROR -> ExitCodes.SERVER_ERROR;
                case UNREACHABLE, DENIED -> ExitCodes.UNAVAILABLE;
            };
        }
        Throwable lettuce = ex;
        while (!(lettuce instanceof io.lettuce.core.RedisException) && lettuce.getCause() != null && lettuce.getCause() != lettuce) {
            lettuce = lettuce.getCause();
        }
        if (lettuce instanceof io.lettuce.core.RedisException) {
            // Redis went away or refused mid-command (a failover: connection closed, READONLY, a timeout): one line, exit 5
            cmd.getErr().println("error: " + TerminalText.escape(RedisAccessException.from("Redis", lettuce).getMessage()));
            cmd.getErr().flush();
            return ExitCodes.UNAVAILABLE;
        }
        // Not an expected failure: a bug. Its own exit code (never 1, which means "check found problems").
        LOG.error("command failed unexpectedly", ex);
        cmd.getErr().println("error: internal error: " + ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": "
                + TerminalText.escape(ex.getMessage().lines().findFirst().orElse(""))) + " (details in " + logFile + ")");
        cmd.getErr().flush();
        return ExitCodes.INTERNAL;
    }
}
