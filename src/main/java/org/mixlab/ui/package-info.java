/**
 * The MixLab desktop app (Swing + FlatLaf). The only layer that may use Swing, AWT, FlatLaf, XChart or MigLayout.
 * <ul>
 *   <li>{@link org.mixlab.ui.MixLabApp} starts it; {@link org.mixlab.ui.MainWindow} is the window: transport on top,
 *       mixer in the middle, analysis dock on the right, status along the bottom.</li>
 *   <li>{@code widgets}: {@code Knob}, {@code Fader}, {@code LevelMeter}, {@code GainReductionMeter} and the
 *       mute/solo/bypass toggles, all driven by a {@code ParamModel} built on {@link org.mixlab.dsp.ParamSpec}.</li>
 *   <li>{@code mixer}: channel strips with insert slots, sends, pan, mute/solo and fader.</li>
 *   <li>{@code analysis}: spectrum (XChart + TarsosDSP FFT), master meters, goniometer, loudness history.</li>
 *   <li>{@code editor}: the processor editor windows and the EQ, compressor and saturation curve views.</li>
 * </ul>
 * One {@link org.mixlab.ui.FrameClock} (a Swing timer, about 33 frames a second) feeds every meter; nothing blocks
 * the Swing thread. Every colour the app paints comes from {@code FlatLightLaf.properties} /
 * {@code FlatDarkLaf.properties} in this package under {@code MixLab.*} keys.
 */
package org.mixlab.ui;
