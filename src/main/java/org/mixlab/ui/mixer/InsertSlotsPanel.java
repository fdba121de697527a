package org.mixlab.ui.mixer;

import java.awt.Dimension;
import java.awt.Font;
import java.awt.Insets;
import javax.swing.JButton;
import javax.swing.JMenuItem;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.JToggleButton;
import net.miginfocom.swing.MigLayout;
import org.mixlab.engine.live.MixEngine;
import org.mixlab.engine.session.InsertModel;
import org.mixlab.engine.session.StripModel;
import org.mixlab.ui.ProcessorCatalog;
import org.mixlab.ui.Theme;
import org.mixlab.ui.widgets.ToggleButtons;

/**
 * A strip's insert chain: one row per insert (bypass switch, name that opens the editor, remove button) and an
 * "Add" button whose menu lists the processor types. Adding or removing goes through the engine, which rebuilds
 * the mixer.
 */
public class InsertSlotsPanel extends JPanel implements javax.swing.Scrollable {
    private final MixEngine engine;
    private final StripModel strip;
    private final ProcessorCatalog catalog;
    private final InsertOpener opener;
    private final JButton addButton;
    private JPopupMenu addMenu;

    /** The slots of {@code strip}. */
    public InsertSlotsPanel(MixEngine engine, StripModel strip, ProcessorCatalog catalog, InsertOpener opener) {
        super(new MigLayout("insets 0, gap 0 2, wrap 1, fillx", "[grow, fill]"));
        this.engine = engine;
        this.strip = strip;
        this.catalog = catalog;
        this.opener = opener;
        setOpaque(false);
        setName(strip.id + ".inserts");
        getAccessibleContext().setAccessibleName(strip.name + " inserts");
        for (InsertModel insert : strip.inserts) {
            add(row(insert), "h 22!");
        }
        addButton = new JButton("+ Insert");
        addButton.setName(strip.id + ".addInsert");
        addButton.getAccessibleContext().setAccessibleName("Add insert to " + strip.name);
        addButton.getAccessibleContext().setAccessibleDescription("Choose a processor to add at the end of the chain");
        addButton.setToolTipText("Add a processor to " + strip.name);
        addButton.putClientProperty("JButton.buttonType", "borderless");
        addButton.setFont(Theme.font(0.85f, Font.PLAIN));
        addButton.setMargin(new Insets(1, 2, 1, 2));
        addButton.addActionListener(e -> addMenu().show(addButton, 0, addButton.getHeight()));
        add(addButton, "h 22!");
    }

    /** The menu of processor types (built on first use). */
    public JPopupMenu addMenu() {
        if (addMenu == null) {
            addMenu = new JPopupMenu();
            addMenu.setName(strip.id + ".addMenu");
            for (String type : catalog.types()) {
                JMenuItem item = new JMenuItem(catalog.displayName(type));
                item.setName(strip.id + ".add." + type);
                item.addActionListener(e -> {
                    String id = engine.addInsert(strip.id, type);
                    if (id != null) {
                        opener.open(strip.id, id);
                    }
                });
                addMenu.add(item);
            }
            if (catalog.types().isEmpty()) {
                JMenuItem none = new JMenuItem("No processors available");
                none.setEnabled(false);
                addMenu.add(none);
            }
        }
        return addMenu;
    }

    private JPanel row(InsertModel insert) {
        JPanel row = new JPanel(new MigLayout("insets 0, gap 1", "[]0[grow, fill]0[]"));
        row.setOpaque(false);
        String label = catalog.displayName(insert.type);
        JToggleButton bypass = ToggleButtons.bypass(label + " on " + strip.name);
        bypass.setName(strip.id + "." + insert.id + ".bypass");
        bypass.setSelected(insert.bypass);
        bypass.setMargin(new Insets(1, 1, 1, 1));
        bypass.putClientProperty("JButton.buttonType", "borderless");
        bypass.addActionListener(e -> engine.setBypass(strip.id, insert.id, bypass.isSelected()));
        JButton open = new JButton(slotLabel(insert.type, label));
        open.setName(strip.id + "." + insert.id + ".open");
        open.setFont(Theme.font(0.85f, Font.PLAIN));
        open.setMargin(new Insets(1, 3, 1, 1));
        open.setHorizontalAlignment(JButton.LEFT);
        open.setToolTipText("Open " + label + " (" + insert.id + ")");
        open.getAccessibleContext().setAccessibleName("Open " + label + " on " + strip.name);
        open.getAccessibleContext().setAccessibleDescription("Opens the editor of this insert");
        open.addActionListener(e -> opener.open(strip.id, insert.id));
        JButton remove = new JButton("×");
        remove.setName(strip.id + "." + insert.id + ".remove");
        remove.putClientProperty("JButton.buttonType", "borderless");
        remove.setMargin(new Insets(0, 0, 0, 0));
        remove.setToolTipText("Remove " + label);
        remove.getAccessibleContext().setAccessibleName("Remove " + label + " from " + strip.name);
        remove.getAccessibleContext().setAccessibleDescription("Takes this processor out of the chain");
        remove.addActionListener(e -> engine.removeInsert(strip.id, insert.id));
        row.add(bypass, "w 18!, h 20!");
        row.add(open, "h 20!, wmin 10");
        row.add(remove, "w 14!, h 20!");
        return row;
    }

    /** Short names that fit a slot ("EQ", "Comp"); other types show their display name. */
    static String slotLabel(String type, String displayName) {
        switch (type) {
            case "eq":
                return "EQ";
            case "compressor":
                return "Comp";
            case "saturation":
                return "Saturate";
            case "midside":
                return "Mid/Side";
            default:
                return displayName;
        }
    }

    @Override
    public Dimension getPreferredScrollableViewportSize() {
        return getPreferredSize();
    }

    @Override
    public int getScrollableUnitIncrement(java.awt.Rectangle visible, int orientation, int direction) {
        return 12;
    }

    @Override
    public int getScrollableBlockIncrement(java.awt.Rectangle visible, int orientation, int direction) {
        return visible.height;
    }

    @Override
    public boolean getScrollableTracksViewportWidth() {
        return true;
    }

    @Override
    public boolean getScrollableTracksViewportHeight() {
        return false;
    }

    @Override
    public Dimension getMinimumSize() {
        return new Dimension(40, super.getMinimumSize().height);
    }
}
