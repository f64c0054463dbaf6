package com.mt5ops.console.ui.fx;

import java.util.Locale;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;

/**
 * Text from Redis shown within bounds: a value may be megabytes (a 10 MB last_error), and a label or tooltip given
 * all of it stalls the FX thread. Long text shows its start and its length, with Show all (a window that is itself
 * bounded) and Copy (the whole value, to the clipboard).
 */
public final class LongText {
    /** Characters shown in place before the rest is folded away. */
    public static final int INLINE = 300;
    /** Characters the Show all window holds: a text control slows down with megabytes; Copy still takes all. */
    public static final int WINDOW = 100_000;

    private LongText() {
    }

    /** {@code text} itself when it has at most {@code max} characters, else its start, "…" and its length. */
    public static String clip(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int cut = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max; // never half a character
        return text.substring(0, cut) + "… (" + count(text.length()) + " chars)";
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /**
     * Sets {@code label} to {@code prefix} and {@code text} clipped to {@link #INLINE}; the node to show is the label
     * itself when nothing was cut, else the label above Show all and Copy links (ids: the label's + "-show", "-copy").
     */
    public static Node view(Label label, String prefix, String text, String title) {
        label.setText(prefix + (text == null ? "" : clip(text, INLINE)));
        if (text == null || text.length() <= INLINE) {
            return label;
        }
        Hyperlink show = new Hyperlink("Show all");
        show.getStyleClass().add("long-text-show");
        show.setOnAction(e -> showAll(label, title, text));
        Hyperlink copy = new Hyperlink("Copy");
        copy.getStyleClass().add("long-text-copy");
        copy.setOnAction(e -> copy(text));
        if (label.getId() != null) {
            show.setId(label.getId() + "-show");
            copy.setId(label.getId() + "-copy");
        }
        return new VBox(2, label, new HBox(8, show, copy));
    }

    /** Puts the whole of {@code text} on the system clipboard. */
    public static void copy(String text) {
        Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT, text));
    }

    /** A window with the text in a scrollable read-only area (its first {@link #WINDOW} characters) and Copy all. */
    public static Dialog<Void> showAll(Node owner, String title, String text) {
        boolean cut = text.length() > WINDOW;
        TextArea area = new TextArea(cut ? clip(text, WINDOW) : text);
        area.setId("long-text-area");
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefSize(720, 440);
        VBox.setVgrow(area, Priority.ALWAYS);
        Label note = new Label(cut ? "Showing the first " + count(WINDOW) + " of " + count(text.length())
                + " characters; Copy all puts every one of them on the clipboard." : count(text.length()) + " characters.");
        note.setId("long-text-note");
        note.setWrapText(true);
        Hyperlink copy = new Hyperlink("Copy all");
        copy.setId("long-text-copy-all");
        copy.setOnAction(e -> copy(text));
        Dialog<Void> d = new Dialog<>();
        if (owner.getScene() != null && owner.getScene().getWindow() != null) {
            d.initOwner(owner.getScene().getWindow());
            d.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        d.initModality(Modality.NONE);
        d.setTitle(title);
        d.setResizable(true);
        d.getDialogPane().setId("long-text-dialog");
        d.getDialogPane().setContent(new VBox(8, note, area, copy));
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        d.show();
        return d;
    }
}
