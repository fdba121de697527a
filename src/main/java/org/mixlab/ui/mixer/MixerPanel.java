package org.mixlab.ui.mixer;

import java.awt.BorderLayout;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSeparator;
import javax.swing.ScrollPaneConstants;
import javax.swing.SwingConstants;
import net.miginfocom.swing.MigLayout;
import org.mixlab.engine.live.MeterSnapshot;
import org.mixlab.engine.live.MixEngine;
import org.mixlab.engine.session.AuxModel;
import org.mixlab.engine.session.BusModel;
import org.mixlab.engine.session.Session;
import org.mixlab.engine.session.TrackModel;
import org.mixlab.ui.FrameClock;
import org.mixlab.ui.ProcessorCatalog;
import org.mixlab.ui.Theme;

/**
 * The mixer: a {@link ChannelStrip} per track, then the group buses and aux returns (scrolling sideways when they
 * do not fit), with the master strip pinned on the right. {@link #rebuild()} re-reads the session after
 * structural changes.
 */
public class MixerPanel extends JPanel implements FrameClock.Listener {
    private final MixEngine engine;
    private final ProcessorCatalog catalog;
    private final InsertOpener opener;
    private final List<ChannelStrip> strips = new ArrayList<>();
    private final JPanel row = new JPanel();
    private final JPanel masterHolder = new JPanel(new BorderLayout());
    private final JScrollPane scroll;

    /** The mixer of {@code engine}'s session. */
    public MixerPanel(MixEngine engine, ProcessorCatalog catalog, InsertOpener opener) {
        super(new BorderLayout());
        this.engine = engine;
        this.catalog = catalog;
        this.opener = opener;
        setName("mixer");
        getAccessibleContext().setAccessibleName("Mixer");
        row.setOpaque(false);
        scroll = new JScrollPane(row, ScrollPaneConstants.VERTICAL_SCROLLBAR_AS_NEEDED,
                ScrollPaneConstants.HORIZONTAL_SCROLLBAR_AS_NEEDED);
        scroll.setBorder(null);
        scroll.getHorizontalScrollBar().setUnitIncrement(24);
        scroll.getViewport().setOpaque(false);
        scroll.setOpaque(false);
        masterHolder.setOpaque(false);
        add(scroll, BorderLayout.CENTER);
        add(masterHolder, BorderLayout.EAST);
        rebuild();
        updateUI();
    }

    /** Rebuilds every strip from the engine's session. */
    public void rebuild() {
        Session s = engine.session();
        strips.clear();
        row.removeAll();
        masterHolder.removeAll();
        row.setLayout(new MigLayout("insets 8 8 8 4, gap 6", "", "[grow, fill]"));
        int sendRows = s.auxes.size();
        for (TrackModel t : s.tracks) {
            addStrip(new ChannelStrip(engine, t, StripKind.TRACK, s.auxes, sendRows, catalog, opener), row);
        }
        if (!s.buses.isEmpty()) {
            row.add(new JSeparator(SwingConstants.VERTICAL), "growy, gapx 4 4");
            for (BusModel b : s.buses) {
                addStrip(new ChannelStrip(engine, b, StripKind.BUS, s.auxes, sendRows, catalog, opener), row);
            }
        }
        if (!s.auxes.isEmpty()) {
            row.add(new JSeparator(SwingConstants.VERTICAL), "growy, gapx 4 4");
            for (AuxModel a : s.auxes) {
                addStrip(new ChannelStrip(engine, a, StripKind.AUX, s.auxes, sendRows, catalog, opener), row);
            }
        }
        JPanel m = new JPanel(new MigLayout("insets 8 4 8 8, gap 0", "", "[grow, fill]"));
        m.setOpaque(false);
        addStrip(new ChannelStrip(engine, s.master, StripKind.MASTER, s.auxes, sendRows, catalog, opener), m);
        masterHolder.add(m, BorderLayout.CENTER);
        revalidate();
        repaint();
    }

    private void addStrip(ChannelStrip strip, JPanel into) {
        strips.add(strip);
        into.add(strip, "w " + ChannelStrip.WIDTH + "!, growy");
    }

    @Override
    public void updateUI() {
        super.updateUI();
        setBackground(Theme.color("MixLab.panel.background"));
    }

    /** Every strip, master last. */
    public List<ChannelStrip> strips() {
        return strips;
    }

    /** The strip with {@code id}, or null. */
    public ChannelStrip strip(String id) {
        for (ChannelStrip s : strips) {
            if (s.stripId().equals(id)) {
                return s;
            }
        }
        return null;
    }

    @Override
    public void onFrame(MeterSnapshot meters, boolean playing) {
        for (ChannelStrip s : strips) {
            s.updateMeter();
        }
    }
}
