package org.mixlab.bench;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;
import org.mixlab.engine.live.LiveMix;
import org.mixlab.engine.live.MeterSnapshot;
import org.mixlab.ui.Theme;
import org.mixlab.ui.analysis.MeterPanel;
import org.mixlab.ui.analysis.SpectrumAnalyzer;
import org.mixlab.ui.analysis.SpectrumPanel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Paint time of the two busiest analysis views, the spectrum (XChart's grid, axes and legend, cached after the
 * first paint, under the output and peak-hold curves of {@link SpectrumAnalyzer#POINTS} points drawn every paint)
 * and the master meters (level meter, readouts, goniometer, correlation bar), each 400 x 260 pixels,
 * painted into an ARGB {@link BufferedImage} with the light FlatLaf theme after being fed the live engine's output
 * (a 4-track noise session rendered for 2 s). The "frame" benchmarks add what one frame clock tick does before the
 * paint: the spectrum's FFT analysis of new samples plus the series update, or the meter panel's onFrame.
 * Needs a display (run under xvfb-run); the components are never shown, so painting here cannot race the EDT.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PaintBench {
    private static final int WIDTH = 400;
    private static final int HEIGHT = 260;
    private LiveMix engine;
    private SpectrumPanel spectrum;
    private SpectrumAnalyzer analyzer;
    private MeterPanel meters;
    private final MeterSnapshot snapshot = new MeterSnapshot();
    private BufferedImage image;
    private Graphics2D g;
    private Object heardRing;
    private Method writeMono;
    private final float[] noiseL = new float[1323];
    private final float[] noiseR = new float[1323];

    /** Renders 2 s of a 4-track session, builds both panels on the EDT and feeds them one frame. */
    @Setup(Level.Trial)
    public void setup() throws Exception {
        System.setProperty("mixlab.audio", "none");
        engine = new LiveMix(AudioBlockBench.session44k(4), AudioBlockBench.noiseStems(), 20);
        engine.awaitLoudnessMeasure();
        Method render = LiveMix.class.getDeclaredMethod("render", float[].class, float[].class, int.class);
        render.setAccessible(true);
        float[] l = new float[LiveMix.BLOCK];
        float[] r = new float[LiveMix.BLOCK];
        for (int i = 0; i < 2 * 44_100 / LiveMix.BLOCK; i++) {
            render.invoke(engine, l, r, LiveMix.BLOCK);
        }
        Field ring = LiveMix.class.getDeclaredField("heardRing");
        ring.setAccessible(true);
        heardRing = ring.get(engine);
        writeMono = heardRing.getClass().getDeclaredMethod("writeMono", float[].class, float[].class, int.class,
                int.class);
        Random rnd = new Random(3);
        for (int i = 0; i < noiseL.length; i++) {
            noiseL[i] = (float) (rnd.nextGaussian() * 0.2);
            noiseR[i] = (float) (rnd.nextGaussian() * 0.2);
        }
        engine.readMeters(snapshot);
        SwingUtilities.invokeAndWait(() -> {
            Theme.install(false);
            analyzer = new SpectrumAnalyzer();
            spectrum = new SpectrumPanel(engine, analyzer);
            meters = new MeterPanel();
            layout(spectrum);
            layout(meters);
            for (int i = 0; i < 10; i++) {
                analyzer.update(engine);
                meters.onFrame(snapshot, true);
            }
            updateSeries();
        });
        image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB);
        g = image.createGraphics();
    }

    private static void layout(JComponent c) {
        c.setSize(WIDTH, HEIGHT);
        c.doLayout();
        c.validate();
        for (java.awt.Component child : c.getComponents()) {
            child.doLayout();
        }
    }

    private void updateSeries() {
        double[] f = analyzer.frequencies();
        spectrum.chart().updateXYSeries(SpectrumPanel.MIX, f, analyzer.levels(), null);
        spectrum.chart().updateXYSeries(SpectrumPanel.PEAK, f, analyzer.peaks(), null);
    }

    /** Releases the graphics and the engine. */
    @TearDown(Level.Trial)
    public void tearDown() {
        g.dispose();
        engine.close();
    }

    /**
     * CPU time per op of each benchmark (thread CPU, best of 5 runs of 300 ops after 600 warm-up ops). Needs a
     * display. Run: {@code xvfb-run java -cp ... org.mixlab.bench.PaintBench}.
     */
    public static void main(String[] args) throws Exception {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        PaintBench b = new PaintBench();
        b.setup();
        String[] names = {"spectrumPaint", "spectrumFrame", "meterPaint", "meterFrame"};
        for (String name : names) {
            Method m = PaintBench.class.getMethod(name);
            for (int i = 0; i < 600; i++) {
                m.invoke(b);
            }
            double best = Double.MAX_VALUE;
            for (int rep = 0; rep < 5; rep++) {
                long c0 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < 300; i++) {
                    m.invoke(b);
                }
                best = Math.min(best, (threads.getCurrentThreadCpuTime() - c0) / 300.0 / 1e6);
            }
            System.out.printf(java.util.Locale.ROOT, "%s: %.3f ms CPU per op%n", name, best);
        }
        b.tearDown();
        System.exit(0);
    }

    /** Paints the spectrum panel once (400 x 260). */
    @Benchmark
    public int spectrumPaint() {
        spectrum.paint(g);
        return image.getRGB(WIDTH / 2, HEIGHT / 2);
    }

    /** One spectrum frame: 30 ms of new samples, FFT analysis and series update, then the paint. */
    @Benchmark
    public int spectrumFrame() throws Exception {
        writeMono.invoke(heardRing, noiseL, noiseR, 0, noiseL.length);
        analyzer.update(engine);
        updateSeries();
        spectrum.paint(g);
        return image.getRGB(WIDTH / 2, HEIGHT / 2);
    }

    /** Paints the master meter panel once (400 x 260). */
    @Benchmark
    public int meterPaint() {
        meters.paint(g);
        return image.getRGB(WIDTH / 2, HEIGHT / 2);
    }

    /** One meter frame: onFrame with the engine's snapshot (text every few frames), then the paint. */
    @Benchmark
    public int meterFrame() {
        engine.readMeters(snapshot);
        meters.onFrame(snapshot, true);
        meters.paint(g);
        return image.getRGB(WIDTH / 2, HEIGHT / 2);
    }
}
