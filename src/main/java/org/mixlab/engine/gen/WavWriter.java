package org.mixlab.engine.gen;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes mono integer-PCM RIFF/WAVE files (16 or 24 bit) atomically: a temp file in the same folder is written and
 * then moved over the target. Samples are rounded (no dither) and clamped, so output is fully deterministic.
 */
public final class WavWriter {
    private WavWriter() {}

    /**
     * Writes a mono WAV file.
     *
     * @param file       target path; its folder must exist
     * @param samples    mono samples, full scale = +-1.0
     * @param sampleRate sample rate in Hz
     * @param bits       16 or 24
     * @throws IOException naming the file when writing fails
     */
    public static void writeMono(Path file, float[] samples, int sampleRate, int bits) throws IOException {
        if (bits != 16 && bits != 24) {
            throw new IllegalArgumentException("bits must be 16 or 24, was " + bits);
        }
        int bytesPerSample = bits / 8;
        long dataBytes = (long) samples.length * bytesPerSample;
        if (dataBytes + 36 > 0xFFFF_FFFFL) {
            throw new IOException(file + ": too long for a WAV file");
        }
        ByteBuffer b = ByteBuffer.allocate(44 + (int) dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {'R', 'I', 'F', 'F'}).putInt((int) (36 + dataBytes));
        b.put(new byte[] {'W', 'A', 'V', 'E', 'f', 'm', 't', ' '}).putInt(16);
        b.putShort((short) 1).putShort((short) 1).putInt(sampleRate).putInt(sampleRate * bytesPerSample);
        b.putShort((short) bytesPerSample).putShort((short) bits);
        b.put(new byte[] {'d', 'a', 't', 'a'}).putInt((int) dataBytes);
        double full = bits == 24 ? 8_388_607.0 : 32_767.0;
        long min = bits == 24 ? -8_388_608L : -32_768L;
        long max = bits == 24 ? 8_388_607L : 32_767L;
        for (float s : samples) {
            long v = Math.max(min, Math.min(max, Math.round(s * full)));
            b.put((byte) v).put((byte) (v >> 8));
            if (bits == 24) {
                b.put((byte) (v >> 16));
            }
        }
        writeAtomically(file, b.array());
    }

    /**
     * Writes bytes to a file atomically (temp file in the same folder, then an atomic rename).
     *
     * @param file  target path
     * @param bytes content
     * @throws IOException naming the file when writing fails
     */
    public static void writeAtomically(Path file, byte[] bytes) throws IOException {
        // a sibling temp name (not Files.createTempFile, whose owner-only permissions would stick to the result)
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                out.write(bytes);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw new IOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
