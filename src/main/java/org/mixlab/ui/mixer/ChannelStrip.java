package org.mixlab.ui.mixer;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.List;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.JToggleButton;
import javax.swing.ScrollPaneConstants;
import javax.swing.SwingConstants;
import net.miginfocom.swing.MigLayout;
import org.mixlab.dsp.ParamSpec;
import org.mixlab.engine.live.MixEngine;
import org.mixlab.engine.session.AuxModel;
import org.mixlab.engine.session.BusModel;
import org.mixlab.engine.session.SendModel;
import org.mixlab.engine.session.StripModel;
import org.mixlab.engine.session.TrackModel;
import org.mixlab.ui.ProcessorCatalog;
import org.mixlab.ui.Theme;
import org.mixlab.ui.widgets.Fader;
import org.mixlab.ui.widgets.Knob;
import org.mixlab.ui.widgets.LevelMeter;
import org.mixlab.ui.widgets.ParamModel;
import org.mixlab.ui.widgets.ToggleButtons;

/**
 * One mixer channel: name, insert slots, send knobs (one per aux), pan, mute/solo, fader with a typed dB field and
 * a peak meter. Every control calls the engine at once; the meter is fed from the shared frame clock.
 * Child component names start with the strip id ("kick.fader", "kick.mute", "kick.send.verb", ...).
 */
public class ChannelStrip extends JPanel {
    /** Fader spec shared by every strip: -100 (silence) to +12 dB, default 0. */
    public static final ParamSpec GAIN = ParamSpec.fader("gainDb", "Volume", -100, 12, 0);
    /** Pan spec: -100 (left) to +100 (right) %, default centre. */
    public static final ParamSpec PAN = ParamSpec.linear("pan", "Pan", "%", -100, 100, 0);
    /** Send level spec: -100 (off) to +6 dB, default off. */
    public static final ParamSpec SEND = ParamSpec.fader("levelDb", "Send", -100, 6, -100);

    /** Width of every strip in pixels. */
    public static final int WIDTH = 102;

    private final MixEngine engine;
    private final StripModel strip;
    private final StripKind kind;
    private final Fader fader;
    private final ParamModel gain;
    private final LevelMeter meter;
    private final JTextField dbField;
    private JToggleButton mute;
    private JToggleButton solo;
    private Knob pan;
    private final JLabel nameLabel;
    private Color background;
    private Color border;

    /**
     * A strip for {@code strip}.
     *
     * @param auxes    the session's aux returns (a send knob each, on tracks and buses)
     * @param sendRows send knobs (one per row) to reserve room for, so that all strips line up
     */
    public ChannelStrip(MixEngine engine, StripModel strip, StripKind kind, List<AuxModel> auxes, int sendRows,
                        ProcessorCatalog catalog, InsertOpener opener) {
        super(new MigLayout("insets 6 4 6 4, gap 0 4, wrap 1, fillx", "[center, grow]"));
        this.engine = engine;
        this.strip = strip;
        this.kind = kind;
        setName(strip.id + ".strip");
        setOpaque(false);
        getAccessibleContext().setAccessibleName(strip.name + " channel");
        getAccessibleContext().setAccessibleDescription(kind.name().toLowerCase(java.util.Locale.ROOT) + " strip");

        nameLabel = new JLabel(strip.name, SwingConstants.CENTER);
        nameLabel.setName(strip.id + ".name");
        nameLabel.setToolTipText(tooltip());
        add(nameLabel, "growx, wmin 0, w 0:pref:100%, h 20!");

        InsertSlotsPanel slots = new InsertSlotsPanel(engine, strip, catalog, opener);
        JScrollPane slotScroll = new JScrollPane(slots, ScrollPaneConstants.VERTICAL_SCROLLBAR_AS_NEEDED,
                ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER);
        slotScroll.setBorder(null);
        slotScroll.setOpaque(false);
        slotScroll.getViewport().setOpaque(false);
        slotScroll.getVerticalScrollBar().setUnitIncrement(12);
        add(sectionLabel(kind == StripKind.MASTER ? "Mastering" : "Inserts"), "growx");
        add(slotScroll, "growx, h 104!");

        JPanel sends = new JPanel(new MigLayout("insets 0 2 0 0, gap 0 2, wrap 1", "[left, grow]"));
        sends.setOpaque(false);
        if (kind == StripKind.TRACK || kind == StripKind.BUS) {
            for (AuxModel aux : auxes) {
                ParamModel m = new ParamModel(SEND, sendLevel(aux.id));
                Knob k = new Knob(m, aux.name, 24).compact();
                k.setName(strip.id + ".send." + aux.id);
                k.getAccessibleContext().setAccessibleName(strip.name + " send to " + aux.name);
                m.addValueListener(v -> engine.setSendLevel(strip.id, aux.id, v));
                sends.add(k);
            }
        }
        if (sendRows > 0) {
            add(sectionLabel(sendRows > 0 && (kind == StripKind.TRACK || kind == StripKind.BUS) ? "Sends" : " "),
                    "growx");
            add(sends, "growx, h " + (sendRows * 32) + "!");
        }

        // The master has no pan, mute or solo: the same controls are laid out invisible so that every fader lines up.
        ParamModel panModel = new ParamModel(PAN, strip.pan);
        Knob panKnob = new Knob(panModel, "Pan", 30);
        panKnob.setName(strip.id + ".pan");
        panKnob.getAccessibleContext().setAccessibleName(strip.name + " pan");
        panModel.addValueListener(v -> engine.setPan(strip.id, v));
        add(panKnob, "gaptop 2");
        JToggleButton muteButton = ToggleButtons.mute(strip.name);
        muteButton.setName(strip.id + ".mute");
        muteButton.setSelected(strip.mute);
        muteButton.addActionListener(e -> engine.setMute(strip.id, muteButton.isSelected()));
        JToggleButton soloButton = ToggleButtons.solo(strip.name);
        soloButton.setName(strip.id + ".solo");
        soloButton.setSelected(strip.solo);
        soloButton.addActionListener(e -> engine.setSolo(strip.id, soloButton.isSelected()));
        JPanel ms = new JPanel(new MigLayout("insets 0, gap 4", "[28!][28!]"));
        ms.setOpaque(false);
        ms.add(muteButton, "h 22!");
        ms.add(soloButton, "h 22!");
        add(ms);
        if (kind == StripKind.MASTER) {
            remove(panKnob);
            remove(ms);
            add(javax.swing.Box.createRigidArea(new java.awt.Dimension(1, panKnob.getPreferredSize().height
                    + ms.getPreferredSize().height + 6)));
        } else {
            pan = panKnob;
            mute = muteButton;
            solo = soloButton;
        }

        gain = new ParamModel(GAIN, strip.gainDb);
        fader = new Fader(gain, strip.name + " volume");
        fader.setName(strip.id + ".fader");
        meter = new LevelMeter(1, false);
        meter.setName(strip.id + ".meter");
        meter.setScaleMapping(db -> gain.spec().toNormalized(db), org.mixlab.ui.widgets.Fader.PAD);
        meter.getAccessibleContext().setAccessibleName(strip.name + " peak meter");
        JPanel fm = new JPanel(new MigLayout("insets 0, gap 4", "[][]", "[grow, fill]"));
        fm.setOpaque(false);
        fm.add(fader, "w 50!, growy");
        fm.add(meter, "w 9!, growy");
        add(fm, "growy, pushy, hmin 140");

        dbField = new JTextField(gain.formatted(), 6);
        dbField.setName(strip.id + ".gainField");
        dbField.setHorizontalAlignment(JTextField.CENTER);
        dbField.getAccessibleContext().setAccessibleName(strip.name + " volume in dB");
        dbField.getAccessibleContext().setAccessibleDescription("Type a level in dB and press Enter, or -inf");
        dbField.setToolTipText("Type a level in dB and press Enter");
        dbField.addActionListener(e -> applyTypedGain());
        dbField.addFocusListener(new java.awt.event.FocusAdapter() {
            @Override
            public void focusLost(java.awt.event.FocusEvent e) {
                dbField.setText(gain.formatted());
                dbField.putClientProperty("JComponent.outline", null);
            }
        });
        gain.addViewListener(() -> {
            if (!dbField.hasFocus()) {
                dbField.setText(gain.formatted());
            }
        });
        gain.addValueListener(v -> engine.setGainDb(strip.id, v));
        add(dbField, "w 74!");
        updateUI();
    }

    private String tooltip() {
        if (strip instanceof TrackModel t) {
            return t.name + (t.role != null ? " (" + t.role + ")" : "") + (t.file != null ? " — " + t.file : "");
        }
        if (strip instanceof BusModel) {
            return strip.name + " (group bus)";
        }
        if (strip instanceof AuxModel) {
            return strip.name + " (effect return)";
        }
        return "Master: the mastering chain and the final level";
    }

    private double sendLevel(String auxId) {
        List<SendModel> sends = strip instanceof TrackModel t ? t.sends : strip instanceof BusModel b ? b.sends
                : List.of();
        for (SendModel s : sends) {
            if (auxId.equals(s.to)) {
                return s.levelDb;
            }
        }
        return SEND.min();
    }

    private JLabel sectionLabel(String text) {
        JLabel l = new JLabel(text, SwingConstants.CENTER);
        l.putClientProperty("mixlab.section", Boolean.TRUE);
        return l;
    }

    private void applyTypedGain() {
        try {
            gain.setValue(gain.parse(dbField.getText()));
            dbField.putClientProperty("JComponent.outline", null);
            dbField.setText(gain.formatted());
            fader.requestFocusInWindow();
        } catch (IllegalArgumentException ex) {
            dbField.putClientProperty("JComponent.outline", "error");
            dbField.setToolTipText(ex.getMessage());
        }
    }

    @Override
    public void updateUI() {
        super.updateUI();
        if (nameLabel == null) {
            return;
        }
        background = Theme.color(kind == StripKind.MASTER ? "MixLab.strip.masterBackground"
                : kind == StripKind.AUX ? "MixLab.strip.auxBackground" : "MixLab.strip.background");
        border = Theme.color("MixLab.strip.border");
        if (meter != null) {
            meter.setBackground(background);
            meter.setOpaque(true);
        }
        nameLabel.setFont(Theme.font(1.0f, Font.BOLD));
        nameLabel.setForeground(Theme.color("MixLab.strip.nameColor"));
        for (java.awt.Component c : getComponents()) {
            if (c instanceof JLabel l && l.getClientProperty("mixlab.section") != null) {
                l.setFont(Theme.font(0.78f, Font.PLAIN));
                l.setForeground(Theme.color("MixLab.label.secondary"));
            }
        }
    }

    @Override
    protected void paintComponent(Graphics g0) {
        Graphics2D g = (Graphics2D) g0.create();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(background);
        g.fillRoundRect(0, 0, getWidth() - 1, getHeight() - 1, 10, 10);
        g.setColor(border);
        g.drawRoundRect(0, 0, getWidth() - 1, getHeight() - 1, 10, 10);
        g.dispose();
    }

    /** Reads this strip's peak from the engine (called every frame). */
    public void updateMeter() {
        meter.setLevel(engine.stripPeakDb(strip.id));
    }

    /** The strip id. */
    public String stripId() {
        return strip.id;
    }

    /** The fader. */
    public Fader fader() {
        return fader;
    }

    /** The peak meter. */
    public LevelMeter meter() {
        return meter;
    }

    /** The typed-dB field. */
    public JTextField gainField() {
        return dbField;
    }

    /** The mute toggle, or null on the master. */
    public JToggleButton muteButton() {
        return mute;
    }

    /** The solo toggle, or null on the master. */
    public JToggleButton soloButton() {
        return solo;
    }

    /** The pan knob, or null on the master. */
    public Knob panKnob() {
        return pan;
    }
}
