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

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        Throwable t = ex;
        while (!(t instanceof RedisAccessException) && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        if (t instanceof RedisAccessException access) {
            cmd.getErr().println("error: " + TerminalText.escape(access.getMessage()));
            cmd.getErr().flush();
            return access.reason() == RedisAccessException.Reason.BAD_URI ? ExitCodes.USAGE : ExitCodes.UNAVAILABLE;
        }
        LOG.debug("command failed", ex);
        cmd.getErr().println("error: " + ex.getClass().getSimpleName() + ": " + TerminalText.escape(String.valueOf(ex.getMessage())));
        cmd.getErr().flush();
        return ExitCodes.PROBLEMS_FOUND;
    }
}
