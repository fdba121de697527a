package org.mixlab.ui;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.util.Locale;
import javax.swing.ButtonGroup;
import javax.swing.Icon;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSlider;
import javax.swing.JToggleButton;
import net.miginfocom.swing.MigLayout;
import org.mixlab.engine.live.MeterSnapshot;
import org.mixlab.engine.live.MixEngine;
import org.mixlab.engine.live.Source;
import org.mixlab.engine.session.Session;

/**
 * Transport and listening controls: play/stop (Space), the position slider and time, loop, the A/B source
 * buttons "My mix" / "Unprocessed" / "Reference" (keys 1, 2, 3; B swaps mix and reference), loudness matching with
 * its offset, "Bypass all", and a status bar with the output status and load warnings.
 */
public class TransportBar extends JPanel implements FrameClock.Listener {
    private static final int SLIDER_STEPS = 10_000;

    private final MixEngine engine;
    private final JButton play = new JButton();
    private final JSlider position = new JSlider(0, SLIDER_STEPS, 0);
    private final JLabel time = new JLabel("0:00.0 / 0:00.0");
    private final JToggleButton loop = new JToggleButton("Loop");
    private final JToggleButton mix = new JToggleButton("My mix");
    private final JToggleButton unprocessed = new JToggleButton("Unprocessed");
    private final JToggleButton reference = new JToggleButton("Reference");
    private final JCheckBox match = new JCheckBox("Loudness match");
    private final JLabel matchOffset = new JLabel(" ");
    private final JToggleButton bypassAll = new JToggleButton("Bypass all");
    private final JLabel status = new JLabel(" ");
    private final JPanel statusBar = new JPanel(new BorderLayout());
    private double loopStartS;
    private double loopEndS;
    private boolean updating;
    private boolean wasPlaying;
    private long frame;
    private long shownPosTenths = Long.MIN_VALUE;
    private long shownLenTenths = Long.MIN_VALUE;

    /** The transport of {@code engine}. */
    public TransportBar(MixEngine engine) {
        super(new MigLayout("insets 8 10 8 10, gap 8, fillx", "[][][grow, fill][]16[]16[][]push[]", "[center]"));
        this.engine = engine;
        setName("transport");
        getAccessibleContext().setAccessibleName("Transport");

        play.setName("transport.play");
        play.setIcon(new TransportIcon(false));
        play.setToolTipText("Play / stop (Space)");
        play.getAccessibleContext().setAccessibleName("Play");
        play.getAccessibleContext().setAccessibleDescription("Starts or stops playback (Space)");
        play.putClientProperty("JButton.buttonType", "roundRect");
        play.addActionListener(e -> togglePlay());

        time.setName("transport.time");
        time.setFont(new Font(Font.MONOSPACED, Font.PLAIN, time.getFont().getSize() + 1));
        time.getAccessibleContext().setAccessibleName("Play position");
        time.getAccessibleContext().setAccessibleDescription("Position and length in minutes and seconds");

        position.setName("transport.position");
        position.setToolTipText("Play position: drag to move");
        position.getAccessibleContext().setAccessibleName("Play position");
        position.getAccessibleContext().setAccessibleDescription("Drag or use the arrow keys to move through the song");
        position.setFocusable(true);
        position.addChangeListener(e -> {
            if (!updating) {
                engine.seek(position.getValue() / (double) SLIDER_STEPS * engine.lengthSeconds());
                refreshTime();
            }
        });

        Session s = engine.session();
        loopStartS = s.loop != null ? s.loop.startS : 0;
        loopEndS = s.loop != null && s.loop.endS > s.loop.startS ? s.loop.endS : engine.lengthSeconds();
        loop.setName("transport.loop");
        loop.setSelected(s.loop != null);
        loop.setToolTipText(String.format(Locale.ROOT, "Loop %s to %s", clock(loopStartS), clock(loopEndS)));
        loop.getAccessibleContext().setAccessibleName("Loop");
        loop.getAccessibleContext().setAccessibleDescription("Repeats the loop region");
        loop.addActionListener(e -> applyLoop());

        ButtonGroup group = new ButtonGroup();
        JPanel sources = new JPanel(new MigLayout("insets 0, gap 0", "[][][]"));
        sources.setOpaque(false);
        source(mix, Source.MIX, "source.mix", "Hear my mix (1)", group, sources, "first");
        source(unprocessed, Source.UNPROCESSED, "source.unprocessed", "Hear the stems with no processing (2)", group,
                sources, "middle");
        source(reference, Source.REFERENCE, "source.reference", "Hear the reference (3; B swaps with my mix)", group,
                sources, "last");
        syncSource();

        match.setName("transport.loudnessMatch");
        match.setSelected(engine.isLoudnessMatch());
        match.setToolTipText("Play every source at the same loudness so you compare sound, not level");
        match.getAccessibleContext().setAccessibleName("Loudness match");
        match.getAccessibleContext().setAccessibleDescription("Plays every source at the same loudness");
        match.addActionListener(e -> {
            engine.setLoudnessMatch(match.isSelected());
            refreshMatch();
        });
        matchOffset.setName("transport.matchOffset");
        matchOffset.getAccessibleContext().setAccessibleName("Loudness match offset");
        matchOffset.setToolTipText("Gain applied to what you hear by loudness matching");

        bypassAll.setName("transport.bypassAll");
        bypassAll.setToolTipText("Turn every processor off at once to hear the difference");
        bypassAll.getAccessibleContext().setAccessibleName("Bypass all");
        bypassAll.getAccessibleContext().setAccessibleDescription("Bypasses every insert of every strip");
        bypassAll.addActionListener(e -> engine.setAllBypassed(bypassAll.isSelected()));

        add(play, "w 36!, h 32!");
        add(time);
        add(position, "wmin 160");
        add(loop);
        add(sources);
        add(match);
        add(matchOffset, "wmin 120");
        add(bypassAll);

        status.setName("status.output");
        status.getAccessibleContext().setAccessibleName("Output status");
        statusBar.setName("statusBar");
        statusBar.add(status, BorderLayout.CENTER);
        statusBar.setBorder(javax.swing.BorderFactory.createEmptyBorder(3, 10, 3, 10));
        refreshStatus();
        refreshTime();
        refreshMatch();
        updateUI();
    }

    private void source(JToggleButton b, Source src, String name, String tip, ButtonGroup group, JPanel into,
                        String segment) {
        b.setName(name);
        b.setToolTipText(tip);
        b.getAccessibleContext().setAccessibleName(b.getText());
        b.getAccessibleContext().setAccessibleDescription(tip);
        b.putClientProperty("JButton.segmentPosition", segment);
        b.putClientProperty("JButton.buttonType", "segmented");
        b.addActionListener(e -> selectSource(src));
        group.add(b);
        into.add(b, "h 28!");
    }

    @Override
    public void updateUI() {
        super.updateUI();
        if (matchOffset == null) {
            return;
        }
        matchOffset.setForeground(Theme.color("MixLab.label.secondary"));
        status.setForeground(Theme.color("MixLab.label.secondary"));
        statusBar.setBackground(Theme.color("MixLab.panel.background"));
    }

    /** The bar to show along the bottom of the window (output status and warnings). */
    public JPanel statusBar() {
        return statusBar;
    }

    /** Starts or stops playback. */
    public void togglePlay() {
        if (engine.isPlaying()) {
            engine.stop();
        } else {
            engine.play();
        }
        refreshPlay();
    }

    /** Switches what is heard and updates the buttons. */
    public void selectSource(Source s) {
        engine.setSource(s);
        syncSource();
        refreshMatch();
    }

    /** B: swaps between my mix and the reference (from Unprocessed it goes to my mix). */
    public void toggleMixReference() {
        selectSource(engine.source() == Source.MIX ? Source.REFERENCE : Source.MIX);
    }

    private void applyLoop() {
        if (loop.isSelected()) {
            engine.setLoop(loopStartS, loopEndS > loopStartS ? loopEndS : engine.lengthSeconds());
        } else {
            engine.setLoop(0, 0);
        }
    }

    private void syncSource() {
        Source s = engine.source();
        JToggleButton b = s == Source.MIX ? mix : s == Source.UNPROCESSED ? unprocessed : reference;
        if (!b.isSelected()) {
            b.setSelected(true);
        }
    }

    private void refreshPlay() {
        boolean p = engine.isPlaying();
        if (p != wasPlaying || play.getAccessibleContext().getAccessibleName() == null) {
            wasPlaying = p;
            ((TransportIcon) play.getIcon()).playing = p;
            play.getAccessibleContext().setAccessibleName(p ? "Stop" : "Play");
            play.repaint();
        }
    }

    private void refreshTime() {
        double pos = engine.positionSeconds();
        double len = engine.lengthSeconds();
        long posTenths = Math.round(pos * 10);
        long lenTenths = Math.round(len * 10);
        if (posTenths != shownPosTenths || lenTenths != shownLenTenths) {
            // the text only changes every tenth of a second: format it then, not every frame
            shownPosTenths = posTenths;
            shownLenTenths = lenTenths;
            String t = clock(pos) + " / " + clock(len);
            if (!t.equals(time.getText())) {
                time.setText(t);
            }
        }
        if (!position.getValueIsAdjusting() && len > 0) {
            int v = (int) Math.round(pos / len * SLIDER_STEPS);
            // while playing, move the thumb only when it moves by about a pixel: each move repaints the slider
            int stepsPerPixel = Math.max(1, SLIDER_STEPS / Math.max(1, position.getWidth()));
            int current = position.getValue();
            if (v != current && (Math.abs(v - current) >= stepsPerPixel || v == 0 || v == SLIDER_STEPS
                    || !wasPlaying)) {
                updating = true;
                position.setValue(v);
                updating = false;
            }
        }
    }

    private void refreshMatch() {
        String text;
        if (!engine.isLoudnessMatch()) {
            text = "Matching off";
        } else {
            double off = engine.matchOffsetDb(engine.source());
            text = String.format(Locale.ROOT, "Matched: %+.1f dB", off).replace("+0.0", "0.0").replace("-0.0", "0.0");
        }
        if (!text.equals(matchOffset.getText())) {
            matchOffset.setText(text);
        }
        if (match.isSelected() != engine.isLoudnessMatch()) {
            match.setSelected(engine.isLoudnessMatch());
        }
    }

    private void refreshStatus() {
        StringBuilder sb = new StringBuilder(engine.outputStatus());
        java.util.List<String> w = engine.warnings();
        if (!w.isEmpty()) {
            sb.append("   ·   ").append(w.size() == 1 ? w.get(0) : w.size() + " warnings: " + w.get(0) + " …");
            status.setToolTipText("<html>" + String.join("<br>", w) + "</html>");
        }
        String t = sb.toString();
        if (!t.equals(status.getText())) {
            status.setText(t);
        }
    }

    /** The output status text shown in the status bar. */
    public String statusText() {
        return status.getText();
    }

    /** The loudness-match offset text, e.g. "Matched: -3.2 dB". */
    public String matchText() {
        return matchOffset.getText();
    }

    @Override
    public void onFrame(MeterSnapshot meters, boolean playing) {
        refreshPlay();
        refreshTime();
        if (frame++ % 8 == 0) {
            syncSource();
            refreshMatch();
            refreshStatus();
        }
    }

    /** Formats seconds as m:ss.s. */
    static String clock(double s) {
        if (!Double.isFinite(s) || s < 0) {
            s = 0;
        }
        int m = (int) (s / 60);
        return String.format(Locale.ROOT, "%d:%04.1f", m, s - m * 60);
    }

    /** Play triangle or stop square in the button's text colour. */
    static final class TransportIcon implements Icon {
        boolean playing;

        TransportIcon(boolean playing) {
            this.playing = playing;
        }

        @Override
        public void paintIcon(Component c, Graphics g0, int x, int y) {
            Graphics2D g = (Graphics2D) g0.create();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(c.getForeground());
            if (playing) {
                g.fillRoundRect(x + 2, y + 2, 10, 10, 2, 2);
            } else {
                Path2D p = new Path2D.Double();
                p.moveTo(x + 3, y + 1);
                p.lineTo(x + 13, y + 7);
                p.lineTo(x + 3, y + 13);
                p.closePath();
                g.fill(p);
            }
            g.dispose();
        }

        @Override
        public int getIconWidth() {
            return 14;
        }

        @Override
        public int getIconHeight() {
            return 14;
        }
    }

}
