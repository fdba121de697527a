package org.mixlab.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mixlab.engine.io.WavWriter.Format;

class WavWriterTest {
    private static final double LSB16 = 1.0 / 32768;

    @TempDir
    Path dir;

    static Stream<Arguments> formatsAndChannels() {
        return Stream.of(Format.values()).flatMap(f -> Stream.of(1, 2, 6, 8).map(c -> Arguments.of(f, c)));
    }

    /** Values already on the format's grid (or any floats for FLOAT32), so the round trip must be exact. */
    private static float[][] onGrid(Format format, int channels, int frames, Random rnd) {
        float[][] s = new float[channels][frames];
        if (format == Format.FLOAT32) {
            double[][] v = TestAudioBytes.randomFloats(rnd, channels, frames);
            for (int c = 0; c < channels; c++) {
                for (int f = 0; f < frames; f++) {
                    s[c][f] = (float) v[c][f];
                }
            }
            return s;
        }
        long[][] v = TestAudioBytes.randomInts(rnd, channels, frames, format.bits());
        double scale = Math.scalb(1.0, format.bits() - 1);
        for (int c = 0; c < channels; c++) {
            for (int f = 0; f < frames; f++) {
                s[c][f] = (float) (v[c][f] / scale);
            }
        }
        return s;
    }

    @ParameterizedTest(name = "{0}, {1} ch")
    @MethodSource("formatsAndChannels")
    void writtenFilesReadBackExactly(Format format, int channels) throws IOException {
        Random rnd = new Random(format.ordinal() * 17L + channels);
        for (int rate : new int[] {8000, 44100, 96000, 192000}) {
            float[][] in = onGrid(format, channels, 333, rnd);
            Path file = dir.resolve(format + "-" + channels + "-" + rate + ".wav");
            WavWriter.write(file, in, rate, format, 7);
            AudioData a = AudioFileReader.read(file);
            assertThat(a.sampleRate()).isEqualTo(rate);
            assertThat(a.channels()).isEqualTo(channels);
            assertThat(a.bitsPerSample()).isEqualTo(format.bits());
            assertThat(a.floatingPoint()).isEqualTo(format == Format.FLOAT32);
            for (int c = 0; c < channels; c++) {
                assertThat(a.samples()[c]).as("%s %d Hz channel %d", format, rate, c).containsExactly(in[c]);
            }
            // And the same file through javax.sound gives the very same samples.
            float[][] viaJava = readWithJavaSound(file, channels, rate, format);
            for (int c = 0; c < channels; c++) {
                assertThat(viaJava[c]).as("javax.sound %s %d Hz channel %d", format, rate, c)
                        .containsExactly(a.samples()[c]);
            }
        }
    }

    /** Decodes a file with javax.sound.sampled (allowed in tests) into planar floats, checking its format. */
    private static float[][] readWithJavaSound(Path file, int channels, int rate, Format format) throws IOException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat f = in.getFormat();
            assertThat(f.getChannels()).isEqualTo(channels);
            assertThat(f.getSampleRate()).isEqualTo((float) rate);
            assertThat(f.getSampleSizeInBits()).isEqualTo(format.bits());
            assertThat(f.isBigEndian()).isFalse();
            assertThat(f.getEncoding()).isEqualTo(format == Format.FLOAT32 ? AudioFormat.Encoding.PCM_FLOAT
                    : AudioFormat.Encoding.PCM_SIGNED);
            byte[] bytes = readAll(in);
            int bps = format.bits() / 8;
            int frames = bytes.length / (bps * channels);
            assertThat(in.getFrameLength()).isEqualTo(frames);
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            float[][] out = new float[channels][frames];
            for (int i = 0; i < frames; i++) {
                for (int c = 0; c < channels; c++) {
                    switch (format) {
                        case PCM16 -> out[c][i] = b.getShort() / 32768f;
                        case PCM24 -> {
                            int v = (b.get() & 0xFF) | ((b.get() & 0xFF) << 8) | (b.get() << 16);
                            out[c][i] = v / 8388608f;
                        }
                        default -> out[c][i] = b.getFloat();
                    }
                }
            }
            return out;
        } catch (UnsupportedAudioFileException e) {
            throw new AssertionError("javax.sound cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    @Test
    void sixteenBitMaterialStaysExactAt24BitAndAudioDataOverloadKeepsTheRate() throws IOException {
        float[][] in = onGrid(Format.PCM16, 2, 500, new Random(5));
        Path file = dir.resolve("up.wav");
        WavWriter.write(file, new AudioData(in, 48000, 16, false), Format.PCM24, 1);
        AudioData a = AudioFileReader.read(file);
        assertThat(a.sampleRate()).isEqualTo(48000.0);
        assertThat(a.samples()[0]).containsExactly(in[0]);
        assertThat(a.samples()[1]).containsExactly(in[1]);
    }

    @Test
    void headerBytesAreTheCanonicalOnes() throws IOException {
        Path file = dir.resolve("h.wav");
        WavWriter.write(file, new float[][] {{0f, 0.5f}, {0f, -0.5f}}, 44100, Format.PCM16, 0);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.capacity()).isEqualTo(44 + 8);
        assertThat(ascii(b, 0)).isEqualTo("RIFF");
        assertThat(b.getInt(4)).isEqualTo(44 + 8 - 8);
        assertThat(ascii(b, 8)).isEqualTo("WAVE");
        assertThat(ascii(b, 12)).isEqualTo("fmt ");
        assertThat(b.getInt(16)).isEqualTo(16);
        assertThat(b.getShort(20)).isEqualTo((short) 1);
        assertThat(b.getShort(22)).isEqualTo((short) 2);
        assertThat(b.getInt(24)).isEqualTo(44100);
        assertThat(b.getInt(28)).isEqualTo(176400);
        assertThat(b.getShort(32)).isEqualTo((short) 4);
        assertThat(b.getShort(34)).isEqualTo((short) 16);
        assertThat(ascii(b, 36)).isEqualTo("data");
        assertThat(b.getInt(40)).isEqualTo(8);
        assertThat(b.getShort(44 + 4)).isEqualTo((short) 16384);
        assertThat(b.getShort(44 + 6)).isEqualTo((short) -16384);

        Path six = dir.resolve("six.wav");
        WavWriter.write(six, new float[6][3], 48000, Format.PCM24, 0);
        ByteBuffer e = ByteBuffer.wrap(Files.readAllBytes(six)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(e.getInt(16)).isEqualTo(40);
        assertThat(e.getShort(20) & 0xFFFF).isEqualTo(0xFFFE);
        assertThat(e.getShort(38)).isEqualTo((short) 24); // valid bits
        assertThat(e.getInt(40)).isEqualTo(0x3F); // 5.1 speaker mask
        assertThat(e.getShort(44)).isEqualTo((short) 1); // PCM sub-format
        // 6 x 3 x 3 = 54 bytes of silence: silence is on the grid, so no dither noise appears.
        assertThat(ascii(e, 72)).isEqualTo("data");
        assertThat(e.getInt(76)).isEqualTo(54);
        for (int i = 80; i < 134; i++) {
            assertThat(e.get(i)).isZero();
        }
    }

    private static String ascii(ByteBuffer b, int at) {
        byte[] four = new byte[4];
        b.get(at, four);
        return new String(four, java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Test
    void offGridSamplesAreWithinDitherReachAndClipped() throws IOException {
        Random rnd = new Random(11);
        float[] x = new float[10000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rnd.nextDouble() * 1.8 - 0.9);
        }
        x[0] = 1.5f;
        x[1] = -2f;
        x[2] = Float.NaN;
        Path file = dir.resolve("dithered.wav");
        WavWriter.write(file, new float[][] {x}, 44100, Format.PCM16, 99);
        float[] y = AudioFileReader.read(file).samples()[0];
        assertThat(y[0]).isEqualTo(32767f / 32768);
        assertThat(y[1]).isEqualTo(-1f);
        assertThat(Math.abs(y[2])).isLessThanOrEqualTo((float) LSB16); // NaN is written as (dithered) zero
        double mean = 0;
        for (int i = 3; i < x.length; i++) {
            double err = y[i] - (double) x[i];
            assertThat(Math.abs(err)).isLessThanOrEqualTo(1.5 * LSB16 + 1e-12);
            mean += err;
        }
        assertThat(mean / (x.length - 3)).as("dither is unbiased").isCloseTo(0.0,
                org.assertj.core.data.Offset.offset(0.05 * LSB16));
    }

    /** Least-squares amplitude of a sine at {@code freqHz} in {@code y}. */
    private static double amplitude(float[] y, double freqHz, double rate) {
        double ss = 0, cc = 0, sc = 0, ys = 0, yc = 0;
        for (int n = 0; n < y.length; n++) {
            double s = Math.sin(2 * Math.PI * freqHz * n / rate);
            double c = Math.cos(2 * Math.PI * freqHz * n / rate);
            ss += s * s;
            cc += c * c;
            sc += s * c;
            ys += y[n] * s;
            yc += y[n] * c;
        }
        double det = ss * cc - sc * sc;
        return Math.hypot((ys * cc - yc * sc) / det, (yc * ss - ys * sc) / det);
    }

    private static float[] sine(double amp, double freqHz, double rate, int n) {
        float[] s = new float[n];
        for (int i = 0; i < n; i++) {
            s[i] = (float) (amp * Math.sin(2 * Math.PI * freqHz * i / rate));
        }
        return s;
    }

    private static float[] roundWithoutDither(float[] x) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) (Math.round(x[i] * 32768.0) / 32768.0);
        }
        return y;
    }

    @Test
    void ditherKeepsAMinus100DbfsToneAndGivesAMinus96DbNoiseFloor() throws IOException {
        double rate = 44100;
        float[] x = sine(1e-5, 1000, rate, 2 * 44100); // -100 dBFS: a third of an LSB
        Path file = dir.resolve("quiet.wav");
        WavWriter.write(file, new float[][] {x}, rate, Format.PCM16, 2026);
        float[] y = AudioFileReader.read(file).samples()[0];
        double toneDb = 20 * Math.log10(amplitude(y, 1000, rate));
        double err = 0;
        for (int i = 0; i < x.length; i++) {
            double e = y[i] - (double) x[i];
            err += e * e;
        }
        double noiseDb = 10 * Math.log10(err / x.length);
        double plainDb = 20 * Math.log10(amplitude(roundWithoutDither(x), 1000, rate) + 1e-30);
        System.out.printf(Locale.ROOT, "dither: -100 dBFS tone reads back at %.2f dBFS, noise floor %.2f dB RMS;"
                + " without dither the tone is at %.1f dBFS%n", toneDb, noiseDb, plainDb);
        assertThat(toneDb).isBetween(-101.0, -99.0);
        assertThat(noiseDb).isBetween(-97.0, -95.5); // TPDF theory: LSB/2 RMS = -96.3 dB
        assertThat(plainDb).as("plain rounding loses the tone").isLessThan(-200);
    }

    @Test
    void ditherRemovesTruncationDistortion() throws IOException {
        double rate = 44100;
        float[] x = sine(1.5 * LSB16, 1000, rate, 2 * 44100);
        Path file = dir.resolve("low.wav");
        WavWriter.write(file, new float[][] {x}, rate, Format.PCM16, 5);
        float[] dithered = AudioFileReader.read(file).samples()[0];
        float[] plain = roundWithoutDither(x);
        double worstDithered = Double.NEGATIVE_INFINITY;
        double worstPlain = Double.NEGATIVE_INFINITY;
        for (int h = 2; h <= 7; h++) {
            worstDithered = Math.max(worstDithered, 20 * Math.log10(amplitude(dithered, 1000 * h, rate)));
            worstPlain = Math.max(worstPlain, 20 * Math.log10(amplitude(plain, 1000 * h, rate)));
        }
        System.out.printf(Locale.ROOT, "dither: worst harmonic of a 1.5 LSB tone %.1f dBFS dithered,"
                + " %.1f dBFS plain rounding%n", worstDithered, worstPlain);
        assertThat(worstPlain).isGreaterThan(-110);
        assertThat(worstDithered).isLessThan(-125);
        assertThat(20 * Math.log10(amplitude(dithered, 1000, rate)))
                .isCloseTo(20 * Math.log10(1.5 * LSB16), org.assertj.core.data.Offset.offset(0.3));
    }

    @Test
    void ditherIsDeterministicForASeed() throws IOException {
        float[][] x = {sine(0.3, 440, 48000, 4800), sine(0.2, 660, 48000, 4800)};
        Path a = dir.resolve("a.wav");
        Path b = dir.resolve("b.wav");
        Path c = dir.resolve("c.wav");
        WavWriter.write(a, x, 48000, Format.PCM24, 123);
        WavWriter.write(b, x, 48000, Format.PCM24, 123);
        WavWriter.write(c, x, 48000, Format.PCM24, 124);
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(c));
    }

    @Test
    void writesAtomicallyOverExistingFilesAndLeavesNoTempFiles() throws IOException {
        Path file = dir.resolve("mix.wav");
        Files.writeString(file, "old contents");
        WavWriter.write(file, new float[][] {{0.25f, -0.25f}}, 44100, Format.FLOAT32, 0);
        assertThat(AudioFileReader.read(file).samples()[0]).containsExactly(0.25f, -0.25f);
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).collect(Collectors.toList());
            assertThat(names).containsExactly("mix.wav");
        }
    }

    @Test
    void badTargetsAndInputsGiveOneLineMessages() {
        Path missing = dir.resolve("no-such-folder").resolve("out.wav");
        assertThatThrownBy(() -> WavWriter.write(missing, new float[][] {{0f}}, 44100, Format.PCM16, 0))
                .isInstanceOf(AudioFileException.class)
                .hasMessage("out.wav: cannot write: the folder does not exist");
        Path file = dir.resolve("bad.wav");
        assertThatThrownBy(() -> WavWriter.write(file, new float[9][4], 44100, Format.PCM16, 0))
                .hasMessage("bad.wav: cannot write 9 channels (1 to 8 are supported)");
        assertThatThrownBy(() -> WavWriter.write(file, new float[0][], 44100, Format.PCM16, 0))
                .hasMessage("bad.wav: cannot write 0 channels (1 to 8 are supported)");
        assertThatThrownBy(() -> WavWriter.write(file, new float[][] {{0f}, {0f, 1f}}, 44100, Format.PCM16, 0))
                .hasMessage("bad.wav: cannot write channels of different lengths");
        assertThatThrownBy(() -> WavWriter.write(file, new float[][] {{0f}}, 0, Format.PCM16, 0))
                .hasMessage("bad.wav: cannot write sample rate 0.0 Hz");
        assertThatThrownBy(() -> WavWriter.write(dir, new float[][] {{0f}}, 44100, Format.PCM16, 0))
                .hasMessageEndingWith(": cannot write: a folder has that name");
        assertThat(Files.exists(file)).isFalse();
        if (Files.exists(missing)) {
            fail("wrote into a missing folder");
        }
    }
}
