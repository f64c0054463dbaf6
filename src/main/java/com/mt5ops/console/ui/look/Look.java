package com.mt5ops.console.ui.look;

import org.kordamp.ikonli.Ikon;

/** How one value is shown: its icon, its text and the palette role that colours it; never colour alone. */
public record Look(Ikon icon, String text, Role role) {
}
