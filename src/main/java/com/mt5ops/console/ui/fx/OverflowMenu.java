package com.mt5ops.console.ui.fx;

import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;

/**
 * The "⋯" button at the end of a {@link PriorityRow}: it holds the controls that do not fit, as menu items that act
 * on the controls themselves (a toggle as a check item, a choice as a submenu, a menu as a submenu), made afresh each
 * time it opens so they show the controls' current state.
 */
public final class OverflowMenu {
    private OverflowMenu() {
    }

    /** The button for {@code hidden} (read when the menu opens). */
    public static MenuButton of(Supplier<List<Node>> hidden) {
        MenuButton more = new MenuButton("⋯");
        more.setId("toolbar-overflow");
        more.setAccessibleText("More toolbar controls");
        more.getItems().add(new MenuItem("…")); // a menu button with no item does not open
        more.setOnShowing(e -> more.getItems().setAll(hidden.get().stream().map(OverflowMenu::itemFor).toList()));
        return more;
    }

    /** A menu item that does what {@code node} does. */
    static MenuItem itemFor(Node node) {
        String name = node.getAccessibleText();
        MenuItem item;
        if (node instanceof ComboBox<?> combo) {
            item = choices(combo, name);
        } else if (node instanceof ToggleButton toggle) {
            CheckMenuItem check = new CheckMenuItem(toggle.getText());
            check.setSelected(toggle.isSelected());
            check.setOnAction(e -> toggle.setSelected(check.isSelected()));
            item = check;
        } else if (node instanceof MenuButton menu) {
            Menu copy = new Menu(menu.getText());
            for (MenuItem original : menu.getItems()) {
                MenuItem proxy = new MenuItem(original.getText());
                proxy.setOnAction(e -> original.fire());
                copy.getItems().add(proxy);
            }
            item = copy;
        } else if (node instanceof Button button) {
            item = new MenuItem(button.getText());
            item.setDisable(button.isDisabled());
            item.setOnAction(e -> button.fire());
        } else {
            item = new MenuItem(name == null ? String.valueOf(node.getId()) : name);
            item.setDisable(true);
        }
        if (node.getId() != null) {
            item.setId("overflow-" + node.getId());
        }
        return item;
    }

    private static <T> Menu choices(ComboBox<T> combo, String name) {
        String current = combo.getConverter() == null ? String.valueOf(combo.getValue()) : combo.getConverter().toString(combo.getValue());
        Menu menu = new Menu((name == null ? "" : name + ": ") + current);
        ToggleGroup group = new ToggleGroup();
        for (T value : combo.getItems()) {
            RadioMenuItem choice = new RadioMenuItem(combo.getConverter() == null ? String.valueOf(value) : combo.getConverter().toString(value));
            choice.setToggleGroup(group);
            choice.setSelected(java.util.Objects.equals(value, combo.getValue()));
            choice.setOnAction(e -> combo.setValue(value));
            menu.getItems().add(choice);
        }
        return menu;
    }
}
