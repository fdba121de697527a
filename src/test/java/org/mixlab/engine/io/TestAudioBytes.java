package org.mixlab.engine.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Hand-rolled byte builders for WAV, RF64, AIFF and AIFF-C test files, independent of the code under test. */
final class TestAudioBytes {
    private TestAudioBytes() {}

    /** Sample encodings: integer ones are given integer values, float ones float values. */
    enum Enc {
        U8(1), S8(1), S16(2), S24(3), S32(4), F32(4), F64(8);

        final int bytes;

        Enc(int bytes) {
            this.bytes = bytes;
        }
    }

    /** Random test values for {@code bits}-bit integers, including the extremes and zero at the start. */
    static long[][] randomInts(Random rnd, int channels, int frames, int bits) {
        long max = (1L << (bits - 1)) - 1;
        long min = -(1L << (bits - 1));
        long[][] v = new long[channels][frames];
        for (int c = 0; c < channels; c++) {
            for (int f = 0; f < frames; f++) {
                v[c][f] = min + (long) (rnd.nextDouble() * (max - min + 1));
            }
            v[c][0] = max;
            v[c][1] = min;
            v[c][2] = 0;
            v[c][3] = c + 1;
        }
        return v;
    }

    /** Random float values, mostly within -1..1 but with a few louder and very quiet ones. */
    static double[][] randomFloats(Random rnd, int channels, int frames) {
        double[][] v = new double[channels][frames];
        for (int c = 0; c < channels; c++) {
            for (int f = 0; f < frames; f++) {
                v[c][f] = (float) (rnd.nextDouble() * 2 - 1);
            }
            v[c][0] = 1.5f;
            v[c][1] = -1.0f;
            v[c][2] = 1e-30f;
            v[c][3] = 0.0f;
        }
        return v;
    }

    /** Interleaves integer values into little- or big-endian words of {@code enc.bytes} (U8 stored with +128). */
    static byte[] encodeInts(long[][] v, Enc enc, boolean bigEndian) {
        int ch = v.length;
        int frames = v[0].length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < ch; c++) {
                long x = enc == Enc.U8 ? v[c][f] + 128 : v[c][f];
                for (int i = 0; i < enc.bytes; i++) {
                    int shift = bigEndian ? 8 * (enc.bytes - 1 - i) : 8 * i;
                    out.write((int) (x >> shift) & 0xFF);
                }
            }
        }
        return out.toByteArray();
    }

    /** Interleaves float values as 32- or 64-bit IEEE words. */
    static byte[] encodeFloats(double[][] v, Enc enc, boolean bigEndian) {
        int ch = v.length;
        int frames = v[0].length;
        ByteBuffer b = ByteBuffer.allocate(ch * frames * enc.bytes);
        b.order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < ch; c++) {
                if (enc == Enc.F32) {
                    b.putFloat((float) v[c][f]);
                } else {
                    b.putDouble(v[c][f]);
                }
            }
        }
        return b.array();
    }

    /** A chunk: four-character id and body (padding added by the builders). */
    record Chunk(String id, byte[] body, long claimedSize) {
        Chunk(String id, byte[] body) {
            this(id, body, body.length);
        }
    }

    /** Builder for RIFF/WAVE and RF64 files; public fields are the header values, all overridable. */
    static final class Wav {
        String riffId = "RIFF";
        int formatTag = 1;
        int channels = 2;
        long sampleRate = 44100;
        int bitsPerSample = 16;
        int blockAlign = -1;
        boolean extensible;
        int subFormat = 1;
        int validBits = -1;
        byte[] guidTail = {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38,
            (byte) 0x9B, 0x71};
        byte[] data = new byte[0];
        long dataSizeOverride = -1;
        long riffSizeOverride = -1;
        boolean includeFmt = true;
        boolean includeData = true;
        final List<Chunk> before = new ArrayList<>();
        final List<Chunk> after = new ArrayList<>();

        byte[] build() {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(ascii("WAVE"));
            boolean rf64 = !riffId.equals("RIFF");
            if (rf64) {
                ByteBuffer ds = le(28);
                ds.putLong(0); // patched below
                ds.putLong(dataSizeOverride >= 0 ? dataSizeOverride : data.length);
                ds.putLong(data.length / Math.max(1, align()));
                ds.putInt(0);
                chunk(body, "ds64", ds.array(), 28, false);
            }
            for (Chunk c : before) {
                chunk(body, c.id(), c.body(), c.claimedSize(), false);
            }
            if (includeFmt) {
                ByteBuffer f = le(extensible ? 40 : 16);
                f.putShort((short) (extensible ? 0xFFFE : formatTag));
                f.putShort((short) channels);
                f.putInt((int) sampleRate);
                f.putInt((int) (sampleRate * align()));
                f.putShort((short) align());
                f.putShort((short) bitsPerSample);
                if (extensible) {
                    f.putShort((short) 22);
                    f.putShort((short) (validBits >= 0 ? validBits : bitsPerSample));
                    f.putInt(0);
                    f.putShort((short) subFormat);
                    f.put(guidTail);
                }
                chunk(body, "fmt ", f.array(), f.capacity(), false);
            }
            if (includeData) {
                long claimed = dataSizeOverride >= 0 ? dataSizeOverride : data.length;
                if (rf64) {
                    claimed = 0xFFFFFFFFL;
                }
                chunk(body, "data", data, claimed, !after.isEmpty());
            }
            for (Chunk c : after) {
                chunk(body, c.id(), c.body(), c.claimedSize(), true);
            }
            byte[] b = body.toByteArray();
            ByteBuffer out = le(8 + b.length);
            out.put(ascii(riffId));
            long riffSize = riffSizeOverride >= 0 ? riffSizeOverride : b.length;
            out.putInt(rf64 ? -1 : (int) riffSize);
            out.put(b);
            byte[] file = out.array();
            if (rf64) {
                ByteBuffer.wrap(file, 20, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(riffSize);
            }
            return file;
        }

        private int align() {
            if (blockAlign >= 0) {
                return blockAlign;
            }
            return channels * ((bitsPerSample + 7) / 8);
        }
    }

    /** Builder for FORM/AIFF and AIFC files. */
    static final class Aiff {
        boolean aifc;
        String compression = "NONE";
        int channels = 2;
        long frames = -1;
        int sampleSize = 16;
        byte[] rate80 = extended(44100);
        byte[] data = new byte[0];
        long ssndOffset = 0;
        long formSizeOverride = -1;
        boolean includeComm = true;
        boolean includeSsnd = true;
        final List<Chunk> before = new ArrayList<>();

        byte[] build(int bytesPerSample) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(ascii(aifc ? "AIFC" : "AIFF"));
            if (aifc) {
                ByteBuffer v = ByteBuffer.allocate(4).putInt(0xA2805140);
                chunk(body, "FVER", v.array(), 4, true, false);
            }
            for (Chunk c : before) {
                chunkBe(body, c);
            }
            if (includeComm) {
                ByteBuffer c = ByteBuffer.allocate(aifc ? 24 : 18);
                c.putShort((short) channels);
                long n = frames >= 0 ? frames : data.length / Math.max(1, (long) channels * bytesPerSample);
                c.putInt((int) n);
                c.putShort((short) sampleSize);
                c.put(rate80);
                if (aifc) {
                    c.put(ascii(compression));
                    c.put((byte) 0); // empty Pascal string name
                    c.put((byte) 0); // pad to even length
                }
                chunk(body, "COMM", c.array(), c.capacity(), true, false);
            }
            if (includeSsnd) {
                ByteBuffer s = ByteBuffer.allocate((int) (8 + ssndOffset + data.length));
                s.putInt((int) ssndOffset);
                s.putInt(0);
                s.position((int) (8 + ssndOffset));
                s.put(data);
                chunk(body, "SSND", s.array(), s.capacity(), true, true);
            }
            byte[] b = body.toByteArray();
            ByteBuffer out = ByteBuffer.allocate(8 + b.length);
            out.put(ascii("FORM"));
            out.putInt((int) (formSizeOverride >= 0 ? formSizeOverride : b.length));
            out.put(b);
            return out.array();
        }
    }

    /** IEEE 754 80-bit extended encoding of a positive whole number (for AIFF sample rates). */
    static byte[] extended(long value) {
        byte[] b = new byte[10];
        if (value == 0) {
            return b;
        }
        int msb = 63 - Long.numberOfLeadingZeros(value);
        int exp = 16383 + msb;
        long mantissa = value << (63 - msb);
        b[0] = (byte) (exp >> 8);
        b[1] = (byte) exp;
        for (int i = 0; i < 8; i++) {
            b[2 + i] = (byte) (mantissa >>> (56 - 8 * i));
        }
        return b;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void chunk(ByteArrayOutputStream out, String id, byte[] body, long claimed, boolean pad) {
        chunk(out, id, body, claimed, false, pad);
    }

    private static void chunkBe(ByteArrayOutputStream out, Chunk c) {
        chunk(out, c.id(), c.body(), c.claimedSize(), true, true);
    }

    private static void chunk(ByteArrayOutputStream out, String id, byte[] body, long claimed, boolean bigEndian,
            boolean pad) {
        out.writeBytes(ascii(id));
        ByteBuffer size = ByteBuffer.allocate(4).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        size.putInt((int) claimed);
        out.writeBytes(size.array());
        out.writeBytes(body);
        if ((body.length & 1) != 0 && (pad || !id.equals("data"))) {
            out.write(0);
        }
    }
}
