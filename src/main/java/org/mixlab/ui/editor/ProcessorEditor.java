package org.mixlab.ui.editor;

import java.awt.BorderLayout;
import java.awt.Font;
import java.awt.Window;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import javax.swing.BorderFactory;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JToggleButton;
import net.miginfocom.swing.MigLayout;
import org.mixlab.dsp.GainReductionSource;
import org.mixlab.dsp.ParamSpec;
import org.mixlab.dsp.Processor;
import org.mixlab.dsp.Taper;
import org.mixlab.engine.live.MeterSnapshot;
import org.mixlab.engine.live.MixEngine;
import org.mixlab.engine.session.InsertModel;
import org.mixlab.ui.FrameClock;
import org.mixlab.ui.Theme;
import org.mixlab.ui.analysis.SpectrumAnalyzer;
import org.mixlab.ui.widgets.GainReductionMeter;
import org.mixlab.ui.widgets.Knob;
import org.mixlab.ui.widgets.ParamModel;

/**
 * The editor window of one insert: a header with bypass and dry/wet, a curve view for the EQ, compressor and
 * saturation, and a control per parameter built from the processor's {@link ParamSpec}s (knobs, choice boxes,
 * switches), grouped by band. Every change is sent to the engine and to the editor's own processor copy, which
 * draws the curves.
 */
public class ProcessorEditor extends JDialog implements FrameClock.Listener {
    /** Dry/wet control spec, 0..100 %. */
    public static final ParamSpec MIX = ParamSpec.linear("mix", "Dry/wet", "%", 0, 100, 100);

    private final MixEngine engine;
    private final String stripId;
    private final String insertId;
    private final Processor processor;
    private final Map<String, ParamModel> models = new LinkedHashMap<>();
    private final Map<String, JComponent> controls = new LinkedHashMap<>();
    private final JToggleButton bypass;
    private ParamModel mixModel;
    private GainReductionMeter grMeter;
    private CompressorCurveView compressorView;
    private JComponent curveView;

    /**
     * An editor for insert {@code insert} on strip {@code stripId} (display name {@code stripName}); {@code processor}
     * is the UI's own instance of its type.
     */
    public ProcessorEditor(Window owner, MixEngine engine, String stripId, String stripName, InsertModel insert,
                           Processor processor, SpectrumAnalyzer analyzer) {
        super(owner, stripName + " · " + processor.displayName(), ModalityType.MODELESS);
        this.engine = engine;
        this.stripId = stripId;
        this.insertId = insert.id;
        this.processor = processor;
        setName("editor." + stripId + "." + insert.id);
        getAccessibleContext().setAccessibleName(processor.displayName() + " on " + stripName);
        setDefaultCloseOperation(DISPOSE_ON_CLOSE);

        for (ParamSpec spec : processor.params()) {
            Double stored = insert.params.get(spec.id());
            double v = stored != null ? stored : spec.defaultValue();
            processor.setParameter(spec.id(), v);
            ParamModel m = new ParamModel(spec, processor.getParameter(spec.id()));
            m.addValueListener(val -> {
                processor.setParameter(spec.id(), val);
                engine.setParam(stripId, insertId, spec.id(), val);
                if (curveView != null) {
                    curveView.repaint();
                }
            });
            models.put(spec.id(), m);
        }

        JPanel root = new JPanel(new BorderLayout(0, 8));
        root.setBorder(BorderFactory.createEmptyBorder(10, 12, 12, 12));

        JPanel header = new JPanel(new MigLayout("insets 0, gap 10", "[]push[][]", "[center]"));
        JLabel title = new JLabel(processor.displayName());
        title.setFont(Theme.font(1.25f, Font.BOLD));
        JLabel where = new JLabel("on " + stripName);
        where.setForeground(Theme.color("MixLab.label.secondary"));
        JPanel titles = new JPanel(new MigLayout("insets 0, gap 8", "[][]", "[baseline]"));
        titles.add(title);
        titles.add(where);
        header.add(titles);
        bypass = new JToggleButton("Bypass");
        bypass.setName(getName() + ".bypass");
        bypass.setSelected(insert.bypass);
        bypass.setToolTipText("Hear the sound without this processor");
        bypass.getAccessibleContext().setAccessibleName("Bypass " + processor.displayName());
        bypass.getAccessibleContext().setAccessibleDescription("Turns this processor off and on");
        bypass.addActionListener(e -> engine.setBypass(stripId, insertId, bypass.isSelected()));
        header.add(bypass);
        if (processor.supportsMix()) {
            mixModel = new ParamModel(MIX, insert.mix * 100);
            Knob mix = new Knob(mixModel, "Dry/wet", 28);
            mix.setName(getName() + ".mix");
            mixModel.addValueListener(v -> engine.setMix(stripId, insertId, v / 100.0));
            header.add(mix);
        } else {
            header.add(new JLabel(""));
        }
        root.add(header, BorderLayout.NORTH);

        JPanel views = new JPanel(new MigLayout("insets 0, gap 12", "[][]push", "[grow, fill]"));
        CurveSource eq = ProcessorCurves.eqCurve(processor);
        DoubleUnaryOperator comp = ProcessorCurves.compressorCurve(processor);
        DoubleUnaryOperator sat = ProcessorCurves.saturationTransfer(processor);
        if (eq != null) {
            curveView = new EqCurveView(eq, analyzer, models);
            views.add(curveView, "w 640:720:, h 240:260:");
        } else if (comp != null) {
            compressorView = new CompressorCurveView(comp, models);
            curveView = compressorView;
            views.add(curveView, "w 260!, h 250!");
        } else if (sat != null) {
            curveView = new SaturationCurveView(sat, models);
            views.add(curveView, "w 260!, h 250!");
        }
        if (processor instanceof GainReductionSource) {
            grMeter = new GainReductionMeter();
            grMeter.setName(getName() + ".gr");
            views.add(grMeter, "w 40!, h 250!");
        }
        JPanel center = new JPanel(new BorderLayout(0, 10));
        if (views.getComponentCount() > 0) {
            center.add(views, BorderLayout.NORTH);
        }
        center.add(buildControls(), BorderLayout.CENTER);
        root.add(center, BorderLayout.CENTER);
        setContentPane(root);
        getRootPane().getInputMap(javax.swing.JComponent.WHEN_IN_FOCUSED_WINDOW).put(
                javax.swing.KeyStroke.getKeyStroke("ESCAPE"), "closeEditor");
        getRootPane().getActionMap().put("closeEditor", new javax.swing.AbstractAction() {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                dispose();
            }
        });
        pack();
        setLocationRelativeTo(owner);
    }

    private JPanel buildControls() {
        List<List<ParamSpec>> sections = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<ParamSpec> singles = new ArrayList<>();
        String prevKey = null;
        for (ParamSpec spec : processor.params()) {
            String key = groupKey(spec.id());
            if (!key.equals(prevKey)) {
                sections.add(new ArrayList<>());
                keys.add(key);
                prevKey = key;
            }
            sections.get(sections.size() - 1).add(spec);
        }
        JPanel panel = new JPanel(new MigLayout("insets 0, gap 14 10", "", "[top]"));
        JPanel singlesPanel = new JPanel(new MigLayout("insets 0, gap 12 8, wrap 5", "[center]", "[top]"));
        for (int i = 0; i < sections.size(); i++) {
            List<ParamSpec> sec = sections.get(i);
            if (sec.size() == 1) {
                if (singles.isEmpty()) {
                    panel.add(singlesPanel);
                }
                singles.add(sec.get(0));
                singlesPanel.add(control(sec.get(0), sec.get(0).name()));
                continue;
            }
            JPanel col = new JPanel(new MigLayout("insets 0, gap 0 6, wrap 1", "[center]"));
            String title = groupTitle(keys.get(i));
            JLabel t = new JLabel(title);
            t.setFont(Theme.font(0.9f, Font.BOLD));
            col.add(t);
            for (ParamSpec spec : sec) {
                col.add(control(spec, shortCaption(title, spec)));
            }
            panel.add(col);
        }
        return panel;
    }

    private JComponent control(ParamSpec spec, String caption) {
        ParamModel m = models.get(spec.id());
        JComponent c;
        if (spec.taper() == Taper.TOGGLE) {
            JCheckBox box = new JCheckBox(caption, m.value() >= 0.5);
            box.addActionListener(e -> m.setValue(box.isSelected() ? 1 : 0));
            m.addViewListener(() -> box.setSelected(m.value() >= 0.5));
            c = box;
        } else if (spec.taper() == Taper.CHOICE) {
            JComboBox<String> combo = new JComboBox<>(spec.choices().toArray(new String[0]));
            combo.setSelectedIndex((int) m.value());
            combo.addActionListener(e -> m.setValue(combo.getSelectedIndex()));
            m.addViewListener(() -> {
                if (combo.getSelectedIndex() != (int) m.value()) {
                    combo.setSelectedIndex((int) m.value());
                }
            });
            JPanel p = new JPanel(new MigLayout("insets 0, gap 0 2, wrap 1", "[center]"));
            JLabel l = new JLabel(caption);
            l.setFont(Theme.font(0.9f, Font.PLAIN));
            l.setForeground(Theme.color("MixLab.label.secondary"));
            l.setLabelFor(combo);
            p.add(l);
            p.add(combo);
            combo.setName(getName() + "." + spec.id());
            combo.getAccessibleContext().setAccessibleName(caption);
            combo.getAccessibleContext().setAccessibleDescription(spec.name() + ": " + String.join(", ", spec.choices()));
            controls.put(spec.id(), combo);
            return p;
        } else {
            c = new Knob(m, caption);
        }
        c.setName(getName() + "." + spec.id());
        c.getAccessibleContext().setAccessibleName(caption);
        if (c instanceof JCheckBox) {
            c.getAccessibleContext().setAccessibleDescription(spec.name() + " on or off");
        }
        c.setToolTipText(c instanceof Knob ? "" : spec.name());
        controls.put(spec.id(), c);
        return c;
    }

    /** Parameters sharing a prefix ("b1On", "b1FreqHz", ...) form one group: the prefix up to the first capital. */
    static String groupKey(String id) {
        int i = 0;
        while (i < id.length() && !Character.isUpperCase(id.charAt(i))) {
            i++;
        }
        return id.substring(0, i);
    }

    /** Drops the group title from a parameter name under it: "Band 2 gain" under "Band 2" reads "Gain". */
    static String shortCaption(String title, ParamSpec spec) {
        String name = spec.name();
        if (name.equalsIgnoreCase(title)) {
            return spec.taper() == Taper.TOGGLE ? "On" : name;
        }
        if (name.length() > title.length() + 1 && name.toLowerCase(Locale.ROOT).startsWith(
                title.toLowerCase(Locale.ROOT) + " ")) {
            String rest = name.substring(title.length() + 1);
            return Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
        }
        return name;
    }

    private static String groupTitle(String key) {
        switch (key) {
            case "hp":
                return "High-pass";
            case "lp":
                return "Low-pass";
            case "low":
                return "Low shelf";
            case "high":
                return "High shelf";
            case "sc":
                return "Side-chain";
            case "mono":
                return "Mono bass";
            default:
                if (key.matches("b\\d+")) {
                    return "Band " + key.substring(1);
                }
                return key.isEmpty() ? "" : Character.toUpperCase(key.charAt(0)) + key.substring(1);
        }
    }

    /** The value model of parameter {@code id}, or null. */
    public ParamModel model(String id) {
        return models.get(id);
    }

    /** The control of parameter {@code id} (Knob, JCheckBox or JComboBox), or null. */
    public JComponent control(String id) {
        return controls.get(id);
    }

    /** The curve view, or null when the processor has none. */
    public JComponent curveView() {
        return curveView;
    }

    /** The processor copy that draws the curves. */
    public Processor processor() {
        return processor;
    }

    /** The bypass toggle. */
    public JToggleButton bypassButton() {
        return bypass;
    }

    /** The dry/wet model, or null. */
    public ParamModel mixModel() {
        return mixModel;
    }

    /** The gain-reduction meter, or null. */
    public GainReductionMeter gainReductionMeter() {
        return grMeter;
    }

    /** Strip id of the insert. */
    public String stripId() {
        return stripId;
    }

    /** Insert id. */
    public String insertId() {
        return insertId;
    }

    @Override
    public void onFrame(MeterSnapshot meters, boolean playing) {
        if (grMeter != null) {
            double gr = engine.gainReductionDb(stripId, insertId);
            grMeter.setReductionDb(gr);
            if (compressorView != null) {
                compressorView.setGainReductionDb(gr);
            }
        }
        if (curveView instanceof EqCurveView && playing) {
            curveView.repaint();
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ProcessorEditor[%s/%s]", stripId, insertId);
    }
}
