package org.mixlab.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.mixlab.engine.io.TestAudioBytes.Aiff;
import org.mixlab.engine.io.TestAudioBytes.Chunk;
import org.mixlab.engine.io.TestAudioBytes.Enc;
import org.mixlab.engine.io.TestAudioBytes.Wav;

class AudioFileReaderTest {
    @TempDir
    Path dir;

    /** Every layout the reader supports, built by hand from known sample values. */
    enum Kind {
        WAV_U8(Enc.U8, 8), WAV_S16(Enc.S16, 16), WAV_S24(Enc.S24, 24), WAV_S32(Enc.S32, 32),
        WAV_F32(Enc.F32, 32), WAV_F64(Enc.F64, 64),
        EXT_S16(Enc.S16, 16), EXT_S24(Enc.S24, 24), EXT_S32(Enc.S32, 32), EXT_F32(Enc.F32, 32), EXT_F64(Enc.F64, 64),
        EXT_24_IN_32(Enc.S32, 24), RF64_S24(Enc.S24, 24),
        AIFF_S8(Enc.S8, 8), AIFF_S16(Enc.S16, 16), AIFF_S24(Enc.S24, 24), AIFF_S32(Enc.S32, 32),
        AIFF_12_IN_16(Enc.S16, 12),
        AIFC_NONE(Enc.S16, 16), AIFC_SOWT16(Enc.S16, 16), AIFC_SOWT24(Enc.S24, 24), AIFC_FL32(Enc.F32, 32),
        AIFC_FL64(Enc.F64, 64);

        final Enc enc;
        final int validBits;

        Kind(Enc enc, int validBits) {
            this.enc = enc;
            this.validBits = validBits;
        }

        boolean isFloat() {
            return enc == Enc.F32 || enc == Enc.F64;
        }

        boolean isAiff() {
            return name().startsWith("AIF");
        }
    }

    static Stream<Arguments> kindsAndChannels() {
        return Arrays.stream(Kind.values()).flatMap(k -> Stream.of(1, 2, 6, 8).map(c -> Arguments.of(k, c)));
    }

    /** Builds a file of {@code kind} holding {@code values} (integers or floats), returns the expected floats. */
    private static byte[] build(Kind kind, int channels, long rate, long[][] ints, double[][] floats) {
        boolean be = kind.isAiff() && !kind.name().contains("SOWT");
        byte[] data = kind.isFloat() ? TestAudioBytes.encodeFloats(floats, kind.enc, be)
                : TestAudioBytes.encodeInts(ints, kind.enc, be);
        if (kind.isAiff()) {
            Aiff a = new Aiff();
            a.aifc = kind.name().startsWith("AIFC");
            a.compression = switch (kind) {
                case AIFC_SOWT16, AIFC_SOWT24 -> "sowt";
                case AIFC_FL32 -> "fl32";
                case AIFC_FL64 -> "fl64";
                default -> "NONE";
            };
            a.channels = channels;
            a.sampleSize = kind.validBits;
            a.rate80 = TestAudioBytes.extended(rate);
            a.data = data;
            a.ssndOffset = 4; // a non-zero offset must be honoured
            a.before.add(new Chunk("NAME", TestAudioBytes.ascii("odd")));
            return a.build(kind.enc.bytes);
        }
        Wav w = new Wav();
        w.channels = channels;
        w.sampleRate = rate;
        w.bitsPerSample = kind.enc.bytes * 8;
        w.formatTag = kind.isFloat() ? 3 : 1;
        w.data = data;
        if (kind.name().startsWith("EXT")) {
            w.extensible = true;
            w.subFormat = w.formatTag;
            w.validBits = kind.validBits;
        }
        if (kind == Kind.RF64_S24) {
            w.riffId = "RF64";
        }
        w.before.add(new Chunk("LIST", TestAudioBytes.ascii("INFOodd"))); // odd size: padded
        w.after.add(new Chunk("junk", new byte[5]));
        return w.build();
    }

    @ParameterizedTest(name = "{0}, {1} ch")
    @MethodSource("kindsAndChannels")
    void everyFormatRoundTripsExactly(Kind kind, int channels) throws IOException {
        Random rnd = new Random(kind.ordinal() * 31L + channels);
        for (long rate : new long[] {8000, 44100, 96000, 192000}) {
            int frames = 101;
            int bits = kind.enc == Enc.U8 ? 8 : kind.enc.bytes * 8;
            long[][] ints = TestAudioBytes.randomInts(rnd, channels, frames, bits);
            if (kind.validBits < bits && !kind.isFloat()) {
                // Fewer valid bits are left-justified in the container: clear the low bits.
                long mask = -(1L << (bits - kind.validBits));
                for (long[] ch : ints) {
                    for (int f = 0; f < frames; f++) {
                        ch[f] &= mask;
                    }
                }
            }
            double[][] floats = TestAudioBytes.randomFloats(rnd, channels, frames);
            Path file = dir.resolve(kind + "-" + channels + "-" + rate + (kind.isAiff() ? ".aif" : ".wav"));
            Files.write(file, build(kind, channels, rate, ints, floats));

            AudioData a = AudioFileReader.read(file);

            assertThat(a.channels()).isEqualTo(channels);
            assertThat(a.frames()).isEqualTo(frames);
            assertThat(a.sampleRate()).isEqualTo(rate);
            assertThat(a.durationS()).isEqualTo(frames / (double) rate);
            assertThat(a.bitsPerSample()).isEqualTo(kind.validBits);
            assertThat(a.floatingPoint()).isEqualTo(kind.isFloat());
            double scale = Math.scalb(1.0, bits - 1);
            for (int c = 0; c < channels; c++) {
                for (int f = 0; f < frames; f++) {
                    float expected = kind.isFloat() ? (float) floats[c][f] : (float) (ints[c][f] / scale);
                    if (a.samples()[c][f] != expected) {
                        fail(kind + " " + rate + " Hz ch " + c + " frame " + f + ": " + a.samples()[c][f]
                                + " != " + expected);
                    }
                }
            }
        }
    }

    @Test
    void knownIntegerValuesMapToKnownFloats() throws IOException {
        Wav w = new Wav();
        w.channels = 1;
        w.bitsPerSample = 16;
        w.data = new byte[] {0, 0, 1, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F, 0x00, (byte) 0x80};
        assertThat(read(w.build()).samples()[0])
                .containsExactly(0f, 1f / 32768, -1f / 32768, 32767f / 32768, -1f);

        w.bitsPerSample = 24;
        w.data = new byte[] {(byte) 0xFF, (byte) 0xFF, 0x7F, 0x00, 0x00, (byte) 0x80, 0x00, 0x00, 0x40};
        assertThat(read(w.build()).samples()[0]).containsExactly(8388607f / 8388608, -1f, 0.5f);

        w.bitsPerSample = 8;
        w.data = new byte[] {0, (byte) 128, (byte) 255, 64};
        assertThat(read(w.build()).samples()[0]).containsExactly(-1f, 0f, 127f / 128, -0.5f);

        w.bitsPerSample = 32;
        w.data = new byte[] {0, 0, 0, (byte) 0x80, 0, 0, 0, 0x40};
        assertThat(read(w.build()).samples()[0]).containsExactly(-1f, 0.5f);

        // AIFF, big-endian, rate as hand-written 80-bit extended bytes for 48,000 Hz.
        Aiff a = new Aiff();
        a.channels = 1;
        a.rate80 = new byte[] {0x40, 0x0E, (byte) 0xBB, (byte) 0x80, 0, 0, 0, 0, 0, 0};
        a.data = new byte[] {0x40, 0x00, (byte) 0xC0, 0x00, 0x00, 0x01};
        AudioData d = read(a.build(2));
        assertThat(d.sampleRate()).isEqualTo(48000.0);
        assertThat(d.samples()[0]).containsExactly(0.5f, -0.5f, 1f / 32768);

        a.rate80 = new byte[] {0x40, 0x0E, (byte) 0xAC, 0x44, 0, 0, 0, 0, 0, 0};
        assertThat(read(a.build(2)).sampleRate()).isEqualTo(44100.0);
    }

    @Test
    void floatSamplesThatAreNotFiniteReadAsZero() throws IOException {
        Wav w = new Wav();
        w.channels = 1;
        w.formatTag = 3;
        w.bitsPerSample = 32;
        w.data = TestAudioBytes.encodeFloats(new double[][] {{Double.NaN, Double.POSITIVE_INFINITY, 0.25}}, Enc.F32,
                false);
        assertThat(read(w.build()).samples()[0]).containsExactly(0f, 0f, 0.25f);
    }

    @Test
    void missingFinalPadByteAndTrailingPartialFrameAreAccepted() throws IOException {
        Wav w = new Wav();
        w.channels = 1;
        w.bitsPerSample = 8;
        w.data = new byte[] {(byte) 128, (byte) 129, (byte) 130}; // odd, last chunk, no pad byte
        assertThat(read(w.build()).frames()).isEqualTo(3);

        Wav s = new Wav();
        s.channels = 2;
        s.data = new byte[] {1, 0, 2, 0, 3}; // one whole stereo frame and one stray byte
        assertThat(read(s.build()).frames()).isEqualTo(1);
    }

    @Test
    void readAtRateResamplesToTheSessionRate() throws IOException {
        Wav w = new Wav();
        w.channels = 2;
        w.sampleRate = 44100;
        w.data = new byte[4 * 4410];
        Path file = dir.resolve("tenth.wav");
        Files.write(file, w.build());
        AudioData a = AudioFileReader.readAtRate(file, 48000);
        assertThat(a.sampleRate()).isEqualTo(48000.0);
        assertThat(a.frames()).isEqualTo(4800);
        assertThat(a.channels()).isEqualTo(2);
        assertThat(AudioFileReader.readAtRate(file, 44100).frames()).isEqualTo(4410);
    }

    // ------------------------------------------------------------------------------------------------ refusals

    /** Writes {@code bytes} as {@code name}, reads it and returns the refusal, checking its shape. */
    private AudioFileException refuse(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return refuse(file);
    }

    private static AudioFileException refuse(Path file) {
        try {
            AudioData a = AudioFileReader.read(file);
            throw new AssertionError(file.getFileName() + " was accepted: " + a);
        } catch (AudioFileException e) {
            String m = e.getMessage();
            assertThat(m).startsWith(file.getFileName() + ": ").doesNotContain("\n", "\r", "Exception", "\tat ");
            assertThat(e.fileName()).isEqualTo(file.getFileName().toString());
            return e;
        }
    }

    private static Wav stereo16(int frames) {
        Wav w = new Wav();
        w.data = new byte[frames * 4];
        return w;
    }

    private static Wav with(Wav w, Consumer<Wav> change) {
        change.accept(w);
        return w;
    }

    @Test
    void refusesEmptyAndTooShortFiles() throws IOException {
        assertThat(refuse("empty.wav", new byte[0]).getMessage()).isEqualTo("empty.wav: empty file (0 bytes)");
        assertThat(refuse("tiny.wav", TestAudioBytes.ascii("RIFF\0")).problem())
                .isEqualTo("truncated: only 5 bytes, too short for an audio header");
        byte[] good = stereo16(100).build();
        assertThat(refuse("cut-in-fmt.wav", Arrays.copyOf(good, 30)).problem())
                .isEqualTo("truncated: RIFF header claims 444 bytes but the file has only 30");
        assertThat(refuse("cut-in-data.wav", Arrays.copyOf(good, 300)).problem()).startsWith("truncated:");
    }

    @Test
    void refusesLyingChunkSizes() throws IOException {
        // The data chunk claims 4,000,000 bytes; the RIFF size is made consistent with the real file.
        Wav w = with(stereo16(300), x -> x.dataSizeOverride = 4_000_000);
        assertThat(refuse("kick.wav", w.build()).getMessage())
                .isEqualTo("kick.wav: truncated: 'data' chunk claims 4,000,000 bytes but only 1,200 remain");

        Wav riff = with(stereo16(10), x -> x.riffSizeOverride = 0xFFFFFFF0L);
        assertThat(refuse("riff.wav", riff.build()).problem())
                .isEqualTo("truncated: RIFF header claims 4,294,967,288 bytes but the file has only 84");

        Wav list = stereo16(10);
        list.before.add(new Chunk("LIST", new byte[8], 0x7FFFFFF0L));
        list.riffSizeOverride = 0x7FFFFFFFL;
        assertThat(refuse("list.wav", list.build()).problem()).startsWith("truncated: RIFF header claims");
        list.riffSizeOverride = -1;
        assertThat(refuse("list2.wav", list.build()).problem())
                .isEqualTo("truncated: 'LIST' chunk claims 2,147,483,632 bytes but only 80 remain");

        Aiff a = new Aiff();
        a.data = new byte[400];
        a.frames = 1_000_000;
        assertThat(refuse("lying.aif", a.build(2)).problem()).isEqualTo(
                "truncated: COMM claims 1,000,000 frames (4,000,000 bytes) but the SSND chunk holds only 400");
    }

    @Test
    void refusesImpossibleOrUnsupportedHeaders() throws IOException {
        assertThat(refuse("zero-ch.wav", with(stereo16(10), w -> w.channels = 0).build()).problem())
                .isEqualTo("zero channels");
        assertThat(refuse("zero-rate.wav", with(stereo16(10), w -> w.sampleRate = 0).build()).problem())
                .isEqualTo("zero sample rate");
        assertThat(refuse("many.wav", with(stereo16(10), w -> w.channels = 12).build()).problem())
                .isEqualTo("unsupported: 12 channels (at most 8)");
        assertThat(refuse("slow.wav", with(stereo16(10), w -> w.sampleRate = 4000).build()).problem())
                .isEqualTo("unsupported sample rate 4,000 Hz (8,000 to 192,000 Hz are supported)");
        assertThat(refuse("fast.wav", with(stereo16(10), w -> w.sampleRate = 384000).build()).problem())
                .contains("unsupported sample rate 384,000 Hz");
        assertThat(refuse("mp3.wav", with(stereo16(10), w -> w.formatTag = 0x55).build()).problem())
                .isEqualTo("unknown format: MP3 in WAV (format tag 0x0055) (only PCM and IEEE float are supported)");
        assertThat(refuse("odd.wav", with(stereo16(10), w -> w.formatTag = 0x1234).build()).problem())
                .startsWith("unknown format: format tag 0x1234");
        assertThat(refuse("half.wav", with(stereo16(10), w -> w.formatTag = 3).build()).problem())
                .isEqualTo("unsupported: 16-bit float (32 and 64 are supported)");
        assertThat(refuse("pcm12.wav", with(stereo16(10), w -> w.bitsPerSample = 12).build()).problem())
                .isEqualTo("unsupported: 12-bit PCM (8, 16, 24 and 32 are supported)");
        assertThat(refuse("align.wav", with(stereo16(10), w -> w.blockAlign = 3).build()).problem())
                .isEqualTo("corrupt: block align 3 does not match 2 channel(s) of 16-bit samples");
        Wav guid = with(stereo16(10), w -> w.extensible = true);
        guid.guidTail = new byte[14];
        assertThat(refuse("guid.wav", guid.build()).problem())
                .isEqualTo("unknown format: WAVE_FORMAT_EXTENSIBLE with an unknown sub-format GUID");
        assertThat(refuse("nofmt.wav", with(stereo16(10), w -> w.includeFmt = false).build()).problem())
                .startsWith("corrupt: no fmt chunk");
        assertThat(refuse("nodata.wav", with(stereo16(10), w -> w.includeData = false).build()).problem())
                .startsWith("corrupt: no data chunk");
        assertThat(refuse("silent.wav", stereo16(0).build()).problem())
                .isEqualTo("no audio: the file holds no sample frames");
    }

    @Test
    void refusesBadAiffHeaders() throws IOException {
        Aiff zeroCh = new Aiff();
        zeroCh.channels = 0;
        zeroCh.frames = 10;
        zeroCh.data = new byte[40];
        assertThat(refuse("zero.aif", zeroCh.build(2)).problem()).isEqualTo("zero channels");

        Aiff zeroRate = new Aiff();
        zeroRate.rate80 = new byte[10];
        zeroRate.data = new byte[40];
        assertThat(refuse("zero-rate.aiff", zeroRate.build(2)).problem()).isEqualTo("zero sample rate");

        Aiff nan = new Aiff();
        nan.rate80 = new byte[] {0x7F, (byte) 0xFF, (byte) 0xC0, 0, 0, 0, 0, 0, 0, 0};
        nan.data = new byte[40];
        assertThat(refuse("nan.aif", nan.build(2)).problem()).isEqualTo("corrupt: sample rate is not a number");

        Aiff ima = new Aiff();
        ima.aifc = true;
        ima.compression = "ima4";
        ima.data = new byte[40];
        assertThat(refuse("ima.aifc", ima.build(2)).problem()).startsWith("unknown format: AIFF-C compression 'ima4'");

        Aiff noSsnd = new Aiff();
        noSsnd.includeSsnd = false;
        noSsnd.frames = 4;
        assertThat(refuse("nossnd.aif", noSsnd.build(2)).problem()).startsWith("corrupt: no SSND chunk");

        Aiff badOffset = new Aiff();
        badOffset.data = new byte[8];
        byte[] b = badOffset.build(2);
        // SSND offset field (after FORM header, COMM chunk (8 + 18) and SSND chunk header) set to 1,000.
        ByteBuffer.wrap(b).putInt(12 + 26 + 8, 1000);
        assertThat(refuse("offset.aif", b).problem()).startsWith("corrupt: SSND offset 1,000 lies beyond");
    }

    @Test
    void refusesUnknownFormatsByTheirMagic() throws IOException {
        assertThat(refuse("notes.wav", TestAudioBytes.ascii("Hello, this is not audio at all.")).problem())
                .isEqualTo("unknown format: not a WAV or AIFF file (starts with 'Hell')");
        assertThat(refuse("song.wav", TestAudioBytes.ascii("fLaC\0\0\0\"........................")).problem())
                .startsWith("unknown format: FLAC");
        assertThat(refuse("song.mp3", TestAudioBytes.ascii("ID3\u0004\0\0\0\0\0\0\0\0\0\0\0\0")).problem())
                .startsWith("unknown format: MP3");
        assertThat(refuse("avi.wav", TestAudioBytes.ascii("RIFF\u0010\0\0\0AVI LIST\0\0\0\0")).problem())
                .isEqualTo("unknown format: a RIFF file of type 'AVI ', not WAVE/AIFF");
    }

    @Test
    void refusesFilesLongerThanTheCapWithoutReadingThem() throws IOException {
        // 8 kHz mono 8-bit, 30 min 1 s: a 14.4 MB sparse file (only the header is written).
        long frames = 1801L * 8000;
        Wav w = new Wav();
        w.channels = 1;
        w.bitsPerSample = 8;
        w.sampleRate = 8000;
        w.dataSizeOverride = frames;
        w.riffSizeOverride = 36 + frames;
        Path file = dir.resolve("long.wav");
        Files.write(file, w.build());
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(44 + frames);
        }
        assertThat(refuse(file).problem()).isEqualTo("too long: 30:01 exceeds the 30:00 limit");

        Path shortFile = dir.resolve("one-second.wav");
        Files.write(shortFile, stereo16(44100).build());
        assertThat(AudioFileReader.read(shortFile).frames()).isEqualTo(44100);
        try {
            AudioFileReader.read(shortFile, 0.5);
            fail("a 1 s file passed a 0.5 s cap");
        } catch (AudioFileException e) {
            assertThat(e.getMessage()).isEqualTo("one-second.wav: too long: 1.0 s exceeds the 0.5 s limit");
        }
    }

    @Test
    void refusesFoldersAndMissingFiles() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("drums.wav"));
        assertThat(refuse(sub).problem()).isEqualTo("is a folder, not an audio file");
        assertThat(refuse(dir.resolve("missing.wav")).problem()).isEqualTo("file not found");
    }

    // ------------------------------------------------------------------------------------------------ fuzz

    @Test
    void fuzzedHeadersEitherParseOrGiveAOneLineRefusal() throws IOException {
        Random rnd = new Random(20261206L);
        byte[][] seeds = fuzzSeeds(rnd);
        Path file = dir.resolve("fuzz.wav");
        int parsed = 0;
        int refused = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            byte[] b = seeds[i % seeds.length].clone();
            int mutations = 1 + rnd.nextInt(4);
            for (int m = 0; m < mutations; m++) {
                b = mutate(b, rnd);
            }
            Files.write(file, b);
            try {
                AudioData a = AudioFileReader.read(file);
                assertThat(a.channels()).isBetween(1, 8);
                assertThat((long) a.frames() * a.channels()).isLessThanOrEqualTo(b.length);
                parsed++;
            } catch (AudioFileException e) {
                assertThat(e.getMessage()).startsWith("fuzz.wav: ").doesNotContain("\n", "\r");
                refused++;
            } catch (Throwable t) {
                throw new AssertionError("case " + i + " threw " + t, t);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(java.util.Locale.ROOT, "fuzz: %d parsed, %d refused in %.2f s%n", parsed, refused, seconds);
        assertThat(parsed).as("parsed cases").isGreaterThan(20);
        assertThat(refused).as("refused cases").isGreaterThan(200);
        assertThat(seconds).as("seconds for 1,000 cases").isLessThan(10);
    }

    private static byte[][] fuzzSeeds(Random rnd) {
        long[][] st = TestAudioBytes.randomInts(rnd, 2, 64, 16);
        long[][] six = TestAudioBytes.randomInts(rnd, 6, 20, 24);
        byte[] plain = stereo16(0).build();
        Wav w16 = new Wav();
        w16.data = TestAudioBytes.encodeInts(st, Enc.S16, false);
        w16.before.add(new Chunk("LIST", TestAudioBytes.ascii("INFOabc")));
        Wav ext = new Wav();
        ext.channels = 6;
        ext.bitsPerSample = 24;
        ext.extensible = true;
        ext.data = TestAudioBytes.encodeInts(six, Enc.S24, false);
        Wav rf = new Wav();
        rf.riffId = "RF64";
        rf.data = w16.data;
        Wav fl = new Wav();
        fl.formatTag = 3;
        fl.bitsPerSample = 64;
        fl.channels = 1;
        fl.data = TestAudioBytes.encodeFloats(new double[][] {{0.1, 0.2, -0.3, 0.4}}, Enc.F64, false);
        Aiff aiff = new Aiff();
        aiff.data = TestAudioBytes.encodeInts(st, Enc.S16, true);
        Aiff aifc = new Aiff();
        aifc.aifc = true;
        aifc.compression = "fl32";
        aifc.sampleSize = 32;
        aifc.channels = 1;
        aifc.data = TestAudioBytes.encodeFloats(new double[][] {{0.5, -0.5, 0.25}}, Enc.F32, true);
        assertThat(plain).isNotEmpty();
        return new byte[][] {w16.build(), ext.build(), rf.build(), fl.build(), aiff.build(2), aifc.build(4)};
    }

    private static byte[] mutate(byte[] b, Random rnd) {
        int headerSpan = Math.min(b.length, 96);
        switch (rnd.nextInt(5)) {
            case 0: // random byte in the header
                if (headerSpan > 0) {
                    b[rnd.nextInt(headerSpan)] = (byte) rnd.nextInt(256);
                }
                return b;
            case 1: { // random 32-bit word, little- or big-endian, in the header
                if (headerSpan < 4) {
                    return b;
                }
                int at = rnd.nextInt(headerSpan - 3);
                ByteBuffer.wrap(b).order(rnd.nextBoolean() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN)
                        .putInt(at, rnd.nextInt());
                return b;
            }
            case 2: { // extreme value on a 4-byte boundary (where sizes live)
                if (headerSpan < 8) {
                    return b;
                }
                int at = 4 * rnd.nextInt(headerSpan / 4 - 1);
                int[] extremes = {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 1, 0x10000};
                ByteBuffer.wrap(b).putInt(at, extremes[rnd.nextInt(extremes.length)]);
                return b;
            }
            case 3: // truncate
                return Arrays.copyOf(b, rnd.nextInt(b.length + 1));
            default: // append garbage
                byte[] longer = Arrays.copyOf(b, b.length + rnd.nextInt(64));
                for (int i = b.length; i < longer.length; i++) {
                    longer[i] = (byte) rnd.nextInt(256);
                }
                return longer;
        }
    }

    private AudioData read(byte[] bytes) throws IOException {
        Path file = dir.resolve("t" + System.nanoTime() + ".bin");
        Files.write(file, bytes);
        return AudioFileReader.read(file);
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"WAV_S16", "AIFF_S16"})
    void truncatedDataIsNeverSilentlyAccepted(Kind kind) throws IOException {
        long[][] ints = TestAudioBytes.randomInts(new Random(3), 2, 50, 16);
        byte[] full = build(kind, 2, 44100, ints, null);
        for (int cut = full.length - 1; cut >= 0; cut -= 7) {
            byte[] b = Arrays.copyOf(full, cut);
            Path file = dir.resolve("cut" + cut + (kind.isAiff() ? ".aif" : ".wav"));
            Files.write(file, b);
            try {
                AudioData a = AudioFileReader.read(file);
                // Only cuts inside the trailing extra chunk may still parse, and then with every frame.
                assertThat(a.frames()).as("cut at " + cut).isEqualTo(50);
            } catch (AudioFileException e) {
                assertThat(e.getMessage()).startsWith(file.getFileName() + ": ");
            }
        }
    }
}
