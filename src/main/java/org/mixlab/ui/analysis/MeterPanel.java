package org.mixlab.ui.analysis;

import java.awt.Font;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingConstants;
import net.miginfocom.swing.MigLayout;
import org.mixlab.engine.live.MeterSnapshot;
import org.mixlab.ui.FrameClock;
import org.mixlab.ui.Theme;
import org.mixlab.ui.widgets.LevelMeter;

/**
 * The master meters: a stereo peak/RMS meter, numeric readouts (sample peak, true peak, RMS, momentary,
 * short-term and integrated loudness, loudness range), the correlation bar and the goniometer.
 * Numbers refresh eight times a second so they can be read; the bars and scope move every frame.
 */
public class MeterPanel extends JPanel implements FrameClock.Listener {
    /** Readout keys (also component names "meter.&lt;key&gt;"). */
    public static final String PEAK = "peak";
    /** True peak readout. */
    public static final String TRUE_PEAK = "truePeak";
    /** RMS readout. */
    public static final String RMS = "rms";
    /** Momentary loudness readout. */
    public static final String MOMENTARY = "momentary";
    /** Short-term loudness readout. */
    public static final String SHORT_TERM = "shortTerm";
    /** Integrated loudness readout. */
    public static final String INTEGRATED = "integrated";
    /** Loudness range readout. */
    public static final String LRA = "lra";

    private static final int TEXT_EVERY_FRAMES = 4;

    private final LevelMeter meter = new LevelMeter(2, true);
    private final Goniometer gonio = new Goniometer();
    private final CorrelationBar correlation = new CorrelationBar();
    private final Map<String, JLabel> values = new LinkedHashMap<>();
    private final Map<String, JLabel> captions = new LinkedHashMap<>();
    private final Map<String, long[]> shownTenths = new java.util.HashMap<>();
    private double heldPeak = Double.NEGATIVE_INFINITY;
    private long frame;

    /** The panel with every readout at "—". */
    public MeterPanel() {
        super(new MigLayout("insets 6 8 6 8, gap 4 2", "[]14[grow, fill]8[]", "[top]"));
        setName("meters");
        getAccessibleContext().setAccessibleName("Master meters");
        meter.setName("masterMeter");
        meter.getAccessibleContext().setAccessibleName("Master level meter");
        JPanel readouts = new JPanel(new MigLayout("insets 0, gap 6 3, wrap 2", "[]push[right]"));
        readouts.setOpaque(false);
        row(readouts, PEAK, "Sample peak", "Highest sample of the last frame, dBFS");
        row(readouts, TRUE_PEAK, "True peak", "Highest inter-sample peak since playback started, dBTP");
        row(readouts, RMS, "RMS", "Average level over 300 ms, dBFS");
        row(readouts, MOMENTARY, "Momentary", "Loudness over 400 ms, LUFS");
        row(readouts, SHORT_TERM, "Short-term", "Loudness over 3 s, LUFS");
        row(readouts, INTEGRATED, "Integrated", "Loudness of the whole playback so far, LUFS");
        row(readouts, LRA, "Loudness range", "How much the loudness varies, LU");
        values.get(INTEGRATED).setFont(Theme.font(1.0f, Font.BOLD));
        add(meter, "h 150!, w 44!");
        add(readouts, "growx");
        JPanel scope = new JPanel(new MigLayout("insets 0, gap 0 4, wrap 1", "[center]"));
        scope.setOpaque(false);
        scope.add(gonio, "w 132!, h 132!");
        scope.add(correlation, "w 132!, h 28!");
        add(scope);
        updateUI();
    }

    private void row(JPanel p, String key, String caption, String description) {
        JLabel c = new JLabel(caption);
        JLabel v = new JLabel("—", SwingConstants.RIGHT);
        v.setName("meter." + key);
        v.getAccessibleContext().setAccessibleName(caption);
        v.getAccessibleContext().setAccessibleDescription(description);
        v.setToolTipText(description);
        c.setLabelFor(v);
        captions.put(key, c);
        values.put(key, v);
        p.add(c);
        p.add(v);
    }

    @Override
    public void updateUI() {
        super.updateUI();
        if (captions == null) {
            return;
        }
        setBackground(Theme.color("MixLab.panel.background"));
        meter.setBackground(getBackground());
        meter.setOpaque(true);
        for (JLabel c : captions.values()) {
            c.setForeground(Theme.color("MixLab.label.secondary"));
            c.setFont(Theme.font(0.9f, Font.PLAIN));
        }
        for (Map.Entry<String, JLabel> e : values.entrySet()) {
            e.getValue().setForeground(Theme.color("MixLab.strip.nameColor"));
            e.getValue().setFont(Theme.font(INTEGRATED.equals(e.getKey()) ? 1.05f : 0.95f,
                    INTEGRATED.equals(e.getKey()) ? Font.BOLD : Font.PLAIN));
        }
    }

    /** The text of readout {@code key} (see the constants). */
    public String readout(String key) {
        return values.get(key).getText();
    }

    /** The stereo level meter. */
    public LevelMeter levelMeter() {
        return meter;
    }

    /** The goniometer. */
    public Goniometer goniometer() {
        return gonio;
    }

    /** The correlation bar. */
    public CorrelationBar correlationBar() {
        return correlation;
    }

    @Override
    public void onFrame(MeterSnapshot s, boolean playing) {
        meter.setLevels(s.peakDbfs, s.rmsDb);
        gonio.setPoints(s);
        correlation.setValue(s.correlation);
        heldPeak = Math.max(heldPeak, Math.max(s.peakDbfs[0], s.peakDbfs[1]));
        if (frame++ % TEXT_EVERY_FRAMES != 0) {
            return;
        }
        set(PEAK, heldPeak, "dBFS");
        heldPeak = Double.NEGATIVE_INFINITY;
        set(TRUE_PEAK, s.truePeakDbtp, "dBTP");
        set(RMS, Math.max(s.rmsDb[0], s.rmsDb[1]), "dBFS");
        set(MOMENTARY, s.momentaryLufs, "LUFS");
        set(SHORT_TERM, s.shortTermLufs, "LUFS");
        set(INTEGRATED, s.integratedLufs, "LUFS");
        set(LRA, Double.isFinite(s.integratedLufs) ? s.loudnessRangeLu : Double.NEGATIVE_INFINITY, "LU");
    }

    private void set(String key, double v, String unit) {
        // format only when the value printed to one decimal changes (Long.MIN_VALUE stands for the dash)
        long tenths = Double.isFinite(v) && v > -200 ? Math.round(v * 10) : Long.MIN_VALUE;
        long[] shown = shownTenths.computeIfAbsent(key, k -> new long[] {Long.MAX_VALUE});
        if (shown[0] == tenths) {
            return;
        }
        shown[0] = tenths;
        String text = Double.isFinite(v) && v > -200 ? String.format(Locale.ROOT, "%.1f %s", v, unit) : "— " + unit;
        JLabel l = values.get(key);
        if (!text.equals(l.getText())) {
            l.setText(text);
        }
    }
}
