package com.mt5ops.console.cli;

import com.mt5ops.console.model.InstanceState;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a state by its wire name (running, stopped, crashed, restarting). */
public final class StateConverter implements ITypeConverter<InstanceState> {
    @Override
    public InstanceState convert(String value) {
        return InstanceState.fromWire(value).orElseThrow(() ->
                new TypeConversionException("unknown state '" + value + "' (running, stopped, crashed or restarting)"));
    }
}
