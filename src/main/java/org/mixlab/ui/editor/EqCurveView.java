package org.mixlab.ui.editor;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.swing.JComponent;
import org.mixlab.ui.Theme;
import org.mixlab.ui.analysis.SpectrumAnalyzer;
import org.mixlab.ui.widgets.ParamModel;

/**
 * The EQ's magnitude response drawn over the live spectrum, with a handle per band: drag a handle to set its
 * frequency and gain (dragging a band that is off turns it on), use the mouse wheel over it for Q (bandwidth),
 * double-click it to switch the band on or off. Changes go through the editor's parameter models, so the knobs
 * below follow.
 */
public class EqCurveView extends JComponent {
    /** Gain range of the curve, +/- dB. */
    public static final double RANGE_DB = 18;
    private static final int POINTS = 320;
    private static final double HANDLE_R = 7;

    /** One draggable band, by the ids of its parameters (gain and Q may be null). */
    public record Band(String key, String label, String onId, String freqId, String gainId, String qId) {}

    private final CurveSource curve;
    private final SpectrumAnalyzer analyzer;
    private final Map<String, ParamModel> models;
    private final List<Band> bands = new ArrayList<>();
    private final double[] freqs = new double[POINTS];
    private final double[] db = new double[POINTS];
    private final PlotGeometry geo = new PlotGeometry();
    private Band selected;
    private Band dragging;
    private Color bg;
    private Color grid;
    private Color strong;
    private Color label;
    private Color curveColor;
    private Color fill;
    private Color handle;
    private Color handleSel;
    private Color handleOff;
    private Color spectrum;
    private Font font;

    /** A view of {@code curve} whose handles edit {@code models} (parameter id to model). */
    public EqCurveView(CurveSource curve, SpectrumAnalyzer analyzer, Map<String, ParamModel> models) {
        this.curve = curve;
        this.analyzer = analyzer;
        this.models = models;
        for (int i = 0; i < POINTS; i++) {
            freqs[i] = 20 * Math.pow(1000, i / (double) (POINTS - 1));
        }
        addBand("hp", "HP", "hpOn", "hpFreqHz", null, null);
        addBand("lowShelf", "LS", "lowShelfOn", "lowShelfFreqHz", "lowShelfGainDb", "lowShelfQ");
        for (int b = 1; b <= 8; b++) {
            addBand("b" + b, Integer.toString(b), "b" + b + "On", "b" + b + "FreqHz", "b" + b + "GainDb", "b" + b + "Q");
        }
        addBand("highShelf", "HS", "highShelfOn", "highShelfFreqHz", "highShelfGainDb", "highShelfQ");
        addBand("lp", "LP", "lpOn", "lpFreqHz", null, null);
        for (ParamModel m : models.values()) {
            m.addViewListener(this::repaint);
        }
        setName("eqCurve");
        setFocusable(false);
        getAccessibleContext().setAccessibleName("EQ curve");
        getAccessibleContext().setAccessibleDescription("Frequency response over the spectrum; drag the band handles,"
                + " mouse wheel for Q. The knobs below do the same from the keyboard.");
        MouseAdapter mouse = new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                Band b = hit(e.getX(), e.getY());
                selected = b;
                dragging = b;
                if (b != null && e.getClickCount() == 2 && models.containsKey(b.onId())) {
                    ParamModel on = models.get(b.onId());
                    on.setValue(on.value() >= 0.5 ? 0 : 1);
                    dragging = null;
                }
                repaint();
            }

            @Override
            public void mouseDragged(MouseEvent e) {
                if (dragging != null) {
                    moveHandle(dragging, e.getX(), e.getY());
                }
            }

            @Override
            public void mouseReleased(MouseEvent e) {
                dragging = null;
            }

            @Override
            public void mouseWheelMoved(MouseWheelEvent e) {
                Band b = hit(e.getX(), e.getY());
                if (b == null) {
                    b = selected;
                }
                if (b != null && b.qId() != null && models.containsKey(b.qId())) {
                    ParamModel q = models.get(b.qId());
                    q.setValue(q.value() * Math.pow(1.12, -e.getPreciseWheelRotation()));
                    selected = b;
                }
            }
        };
        addMouseListener(mouse);
        addMouseMotionListener(mouse);
        addMouseWheelListener(mouse);
        updateUI();
    }

    private void addBand(String key, String label, String on, String freq, String gain, String q) {
        if (models.containsKey(freq)) {
            bands.add(new Band(key, label, models.containsKey(on) ? on : null, freq,
                    gain != null && models.containsKey(gain) ? gain : null, q != null && models.containsKey(q) ? q : null));
        }
    }

    /** The bands with handles. */
    public List<Band> bands() {
        return bands;
    }

    @Override
    public void updateUI() {
        super.updateUI();
        bg = Theme.color("MixLab.plot.background");
        grid = Theme.color("MixLab.grid.color");
        strong = Theme.color("MixLab.grid.strongColor");
        label = Theme.color("MixLab.grid.label");
        curveColor = Theme.color("MixLab.curve.color");
        fill = Theme.color("MixLab.curve.fill");
        handle = Theme.color("MixLab.curve.handle");
        handleSel = Theme.color("MixLab.curve.handleSelected");
        handleOff = Theme.color("MixLab.curve.handleOff");
        spectrum = Theme.color("MixLab.spectrum.fill");
        font = Theme.font(0.78f, Font.PLAIN);
    }

    @Override
    public Dimension getPreferredSize() {
        return isPreferredSizeSet() ? super.getPreferredSize() : new Dimension(640, 240);
    }

    /** Handle position of band {@code b}: x pixel. */
    public double handleX(Band b) {
        return geo.xOfHz(models.get(b.freqId()).value());
    }

    /** Handle position of band {@code b}: y pixel (0 dB for bands without gain). */
    public double handleY(Band b) {
        double g = b.gainId() == null ? 0 : models.get(b.gainId()).value();
        return geo.yOf(g, -RANGE_DB, RANGE_DB);
    }

    /** Moves band {@code b}'s handle to pixel (x, y), turning the band on. */
    public void moveHandle(Band b, int x, int y) {
        geo.layout(getWidth(), getHeight(), 34, 20);
        if (b.onId() != null && models.get(b.onId()).value() < 0.5) {
            models.get(b.onId()).setValue(1);
        }
        models.get(b.freqId()).setValue(geo.hzOfX(x));
        if (b.gainId() != null) {
            double g = geo.valueOfY(y, -RANGE_DB, RANGE_DB);
            models.get(b.gainId()).setValue(Math.round(g * 10) / 10.0);
        }
    }

    private Band hit(int x, int y) {
        geo.layout(getWidth(), getHeight(), 34, 20);
        Band best = null;
        double bestD = HANDLE_R * 2;
        for (Band b : bands) {
            double d = Math.hypot(handleX(b) - x, handleY(b) - y);
            if (d < bestD) {
                bestD = d;
                best = b;
            }
        }
        return best;
    }

    @Override
    protected void paintComponent(Graphics g0) {
        Graphics2D g = (Graphics2D) g0.create();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        geo.layout(getWidth(), getHeight(), 34, 20);
        var a = geo.area;
        g.setColor(bg);
        g.fillRect(a.x, a.y, a.width, a.height);

        if (analyzer != null) {
            double[] f = analyzer.frequencies();
            double[] lv = analyzer.levels();
            Path2D sp = new Path2D.Double();
            sp.moveTo(a.x, a.y + a.height);
            for (int i = 0; i < f.length; i++) {
                double y = a.y + (-lv[i] / 90.0) * a.height;
                sp.lineTo(geo.xOfHz(f[i]), Math.min(a.y + a.height, Math.max(a.y, y)));
            }
            sp.lineTo(a.x + a.width, a.y + a.height);
            sp.closePath();
            g.setColor(spectrum);
            g.fill(sp);
        }
        geo.drawHzGrid(g, grid, strong, label, font);
        geo.drawYGrid(g, -RANGE_DB, RANGE_DB, 6, grid, strong, label, font, "");

        curve.magnitudeDb(freqs, db);
        Path2D path = new Path2D.Double();
        double zeroY = geo.yOf(0, -RANGE_DB, RANGE_DB);
        for (int i = 0; i < POINTS; i++) {
            double y = geo.yOf(Math.max(-RANGE_DB - 6, Math.min(RANGE_DB + 6, db[i])), -RANGE_DB, RANGE_DB);
            double x = geo.xOfHz(freqs[i]);
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        Path2D area = (Path2D) path.clone();
        area.lineTo(a.x + a.width, zeroY);
        area.lineTo(a.x, zeroY);
        area.closePath();
        g.setClip(a);
        g.setColor(fill);
        g.fill(area);
        g.setColor(curveColor);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(path);
        g.setClip(null);

        g.setFont(font);
        var fm = g.getFontMetrics();
        for (Band b : bands) {
            boolean on = b.onId() == null || models.get(b.onId()).value() >= 0.5;
            double x = handleX(b);
            double y = handleY(b);
            Ellipse2D circle = new Ellipse2D.Double(x - HANDLE_R, y - HANDLE_R, 2 * HANDLE_R, 2 * HANDLE_R);
            g.setColor(b == selected ? handleSel : on ? handle : handleOff);
            g.fill(circle);
            g.setColor(bg);
            g.setStroke(new BasicStroke(1.2f));
            g.draw(circle);
            String t = b.label();
            g.setColor(java.awt.Color.WHITE);
            if (t.length() == 1) {
                g.drawString(t, (float) (x - fm.stringWidth(t) / 2.0), (float) (y + fm.getAscent() / 2.0 - 1));
            } else {
                g.setColor(label);
                g.drawString(t, (float) (x - fm.stringWidth(t) / 2.0), (float) (y - HANDLE_R - 2));
            }
        }
        g.setColor(strong);
        g.drawRect(a.x, a.y, a.width, a.height);
        g.dispose();
    }

    @Override
    public javax.accessibility.AccessibleContext getAccessibleContext() {
        if (accessibleContext == null) {
            accessibleContext = new AccessibleJComponent() {
                @Override
                public javax.accessibility.AccessibleRole getAccessibleRole() {
                    return javax.accessibility.AccessibleRole.CANVAS;
                }
            };
        }
        return accessibleContext;
    }
}
