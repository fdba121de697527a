package org.mixlab.engine.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;

/**
 * Writes WAV files as 16- or 24-bit PCM or 32-bit float, atomically (temp file in the same folder, then
 * {@code Files.move(ATOMIC_MOVE)}; REPLACE_EXISTING when the file system cannot move atomically).
 *
 * <p>Word-length reduction uses TPDF dither: the sum of two independent uniform random values, each spanning one
 * LSB peak to peak, is added before rounding to the nearest integer, then the result is clipped to the integer range.
 * The random generator is seeded, so the same input and seed give the same bytes. Dither is skipped when every
 * sample already lies exactly on the target grid (for instance 16-bit material written back as 16 or 24 bit, or
 * digital silence), so such audio round-trips bit for bit. Float input is scaled by 2^(bits-1) (32768 for 16 bit).
 *
 * <p>Mono and stereo use the plain PCM (1) / IEEE float (3) header; 3 to 8 channels use WAVE_FORMAT_EXTENSIBLE with
 * the usual speaker mask (5.1 for 6 channels, 7.1 for 8). Float files carry a fact chunk.
 */
public final class WavWriter {
    /** Sample formats the writer produces. */
    public enum Format {
        /** 16-bit signed integer PCM, TPDF-dithered. */
        PCM16(16, false),
        /** 24-bit signed integer PCM, TPDF-dithered. */
        PCM24(24, false),
        /** 32-bit IEEE float, written as is (no dither, no clipping). */
        FLOAT32(32, true);

        private final int bits;
        private final boolean floating;

        Format(int bits, boolean floating) {
            this.bits = bits;
            this.floating = floating;
        }

        /** Bits per sample: 16, 24 or 32. */
        public int bits() {
            return bits;
        }

        /** True for the float format. */
        public boolean floating() {
            return floating;
        }
    }

    /** Most channels written: 8. */
    public static final int MAX_CHANNELS = 8;
    private static final long MAX_DATA_BYTES = 0xFFFFFFFFL - 100;
    private static final int BUFFER_FRAMES = 4096;

    private WavWriter() {}

    /** Writes {@code audio} at its own sample rate. */
    public static void write(Path file, AudioData audio, Format format, long ditherSeed) throws AudioFileException {
        write(file, audio.samples(), audio.sampleRate(), format, ditherSeed);
    }

    /**
     * Writes planar {@code samples} (1..8 channels of equal length) at {@code sampleRate} Hz (rounded to a whole
     * number, 1 .. 4,294,967,295) in {@code format}, dithering with a generator seeded by {@code ditherSeed}.
     */
    public static void write(Path file, float[][] samples, double sampleRate, Format format, long ditherSeed)
            throws AudioFileException {
        if (file == null || samples == null || format == null) {
            throw new IllegalArgumentException("file, samples and format are required");
        }
        int channels = samples.length;
        if (channels < 1 || channels > MAX_CHANNELS) {
            throw new AudioFileException(file, "cannot write " + channels + " channels (1 to 8 are supported)");
        }
        int frames = samples[0].length;
        for (float[] ch : samples) {
            if (ch == null || ch.length != frames) {
                throw new AudioFileException(file, "cannot write channels of different lengths");
            }
        }
        long rate = Math.round(sampleRate);
        if (!(sampleRate > 0) || rate < 1 || rate > 0xFFFFFFFFL) {
            throw new AudioFileException(file, "cannot write sample rate " + sampleRate + " Hz");
        }
        int bytesPerSample = format.bits() / 8;
        int blockAlign = channels * bytesPerSample;
        long dataBytes = (long) frames * blockAlign;
        if (dataBytes > MAX_DATA_BYTES) {
            throw new AudioFileException(file, "too large for a WAV file (more than 4 GB of audio)");
        }
        boolean extensible = channels > 2;
        ByteBuffer header = header(format, channels, rate, blockAlign, frames, dataBytes, extensible);

        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        String name = AudioFileException.nameOf(target);
        Path tmp = null;
        boolean moved = false;
        try {
            if (dir == null || !Files.isDirectory(dir)) {
                throw new AudioFileException(file, "cannot write: the folder does not exist");
            }
            if (Files.isDirectory(target)) {
                throw new AudioFileException(file, "cannot write: a folder has that name");
            }
            // Not Files.createTempFile: that makes the file owner-only (0600) on POSIX, and the move would keep it.
            tmp = dir.resolve("." + name + "." + Long.toHexString(System.nanoTime() ^ ditherSeed * 31) + ".tmp");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), 1 << 16)) {
                out.write(header.array(), 0, header.position());
                writeData(out, samples, frames, format, ditherSeed);
                if ((dataBytes & 1) != 0) {
                    out.write(0);
                }
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } catch (AudioFileException e) {
            throw e;
        } catch (AccessDeniedException e) {
            throw new AudioFileException(file, "cannot write: permission denied", e);
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new AudioFileException(file, "cannot write (" + why + ")", e);
        } finally {
            if (!moved && tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temp file is hidden and harmless
                }
            }
        }
    }

    private static ByteBuffer header(Format format, int channels, long rate, int blockAlign, int frames,
            long dataBytes, boolean extensible) {
        ByteBuffer h = ByteBuffer.allocate(128).order(ByteOrder.LITTLE_ENDIAN);
        int fmtSize = extensible ? 40 : (format.floating() ? 18 : 16);
        boolean fact = format.floating() || extensible;
        long riffSize = 4 + (8 + fmtSize) + (fact ? 12 : 0) + 8 + dataBytes + (dataBytes & 1);
        h.put(ascii("RIFF")).putInt((int) riffSize).put(ascii("WAVE"));
        h.put(ascii("fmt ")).putInt(fmtSize);
        int code = format.floating() ? 3 : 1;
        h.putShort((short) (extensible ? 0xFFFE : code));
        h.putShort((short) channels);
        h.putInt((int) rate);
        h.putInt((int) (rate * blockAlign));
        h.putShort((short) blockAlign);
        h.putShort((short) format.bits());
        if (extensible) {
            h.putShort((short) 22);
            h.putShort((short) format.bits());
            h.putInt(channelMask(channels));
            h.putShort((short) code);
            h.put(new byte[] {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38,
                (byte) 0x9B, 0x71});
        } else if (format.floating()) {
            h.putShort((short) 0);
        }
        if (fact) {
            h.put(ascii("fact")).putInt(4).putInt(frames);
        }
        h.put(ascii("data")).putInt((int) dataBytes);
        return h;
    }

    /** The default WAVE_FORMAT_EXTENSIBLE speaker mask for 3..8 channels (FL FR FC LFE BL BR SL SR order). */
    static int channelMask(int channels) {
        switch (channels) {
            case 3: return 0x7; // FL FR FC
            case 4: return 0x33; // FL FR BL BR
            case 5: return 0x37; // FL FR FC BL BR
            case 6: return 0x3F; // 5.1
            case 7: return 0x13F; // 6.1 (FL FR FC LFE BL BR BC)
            case 8: return 0x63F; // 7.1 (FL FR FC LFE BL BR SL SR)
            default: return 0;
        }
    }

    private static void writeData(OutputStream out, float[][] samples, int frames, Format format, long seed)
            throws IOException {
        int channels = samples.length;
        int bytes = format.bits() / 8;
        ByteBuffer buf = ByteBuffer.allocate(BUFFER_FRAMES * channels * bytes).order(ByteOrder.LITTLE_ENDIAN);
        double scale = format.floating() ? 1.0 : Math.scalb(1.0, format.bits() - 1);
        long max = (long) scale - 1;
        long min = -(long) scale;
        boolean dither = !format.floating() && !onGrid(samples, scale);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int start = 0; start < frames; start += BUFFER_FRAMES) {
            int end = Math.min(frames, start + BUFFER_FRAMES);
            buf.clear();
            for (int f = start; f < end; f++) {
                for (int c = 0; c < channels; c++) {
                    float x = samples[c][f];
                    if (format.floating()) {
                        buf.putFloat(Float.isFinite(x) ? x : 0f);
                        continue;
                    }
                    double v = Float.isFinite(x) ? x * scale : 0.0;
                    if (dither) {
                        v += rng.nextDouble() + rng.nextDouble() - 1.0;
                    }
                    long q = Math.round(v);
                    if (q > max) {
                        q = max;
                    } else if (q < min) {
                        q = min;
                    }
                    if (bytes == 2) {
                        buf.putShort((short) q);
                    } else {
                        buf.put((byte) q).put((byte) (q >> 8)).put((byte) (q >> 16));
                    }
                }
            }
            out.write(buf.array(), 0, buf.position());
        }
    }

    /** True when every sample times {@code scale} is already a whole number inside the integer range. */
    static boolean onGrid(float[][] samples, double scale) {
        for (float[] ch : samples) {
            for (float x : ch) {
                double v = x * scale;
                if (v != Math.rint(v) || v >= scale || v < -scale) {
                    return false;
                }
            }
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
