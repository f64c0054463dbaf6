package com.mt5ops.console.cli;

/**
 * A subcommand that lives above cli/ and app/ (the benchmarks): the command line finds it through
 * {@link java.util.ServiceLoader}, so no main code imports it.
 */
public interface CommandProvider {
    /** The picocli command object, built on the command line's context. */
    Object create(CliContext ctx);
}
