package com.mt5ops.console.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** `mt5-console` with no command: the desktop console. */
@Command(name = "mt5-console", mixinStandardHelpOptions = true, version = "mt5-console 1.0",
        description = "MT5 Instance Console: watch and operate a fleet of MetaTrader 5 instances kept in Redis.")
public final class RootCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("usage: mt5-console [gui|snapshot|watch|transition|mark-restart|check|simulate|bench] ... (see --help)");
        return 2;
    }
}
