package org.mixlab.engine.playback;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/** Plays through the default javax.sound output as 16-bit stereo PCM with a small buffer. */
public final class JavaSoundOutput implements AudioOutput {
    private final SourceDataLine line;
    private final byte[] bytes;
    private final double bufferMs;

    private JavaSoundOutput(SourceDataLine line, int maxBlock, double bufferMs) {
        this.line = line;
        this.bytes = new byte[maxBlock * 4];
        this.bufferMs = bufferMs;
    }

    /**
     * Opens the default output.
     *
     * @param sampleRate frames per second
     * @param maxBlock   largest block that will be written, frames
     * @param bufferMs   device buffer, ms (default 20)
     * @throws LineUnavailableException with a reason when there is no usable device
     */
    public static JavaSoundOutput open(double sampleRate, int maxBlock, double bufferMs)
            throws LineUnavailableException {
        AudioFormat fmt = new AudioFormat((float) sampleRate, 16, 2, true, false);
        SourceDataLine line;
        try {
            line = AudioSystem.getSourceDataLine(fmt);
        } catch (IllegalArgumentException | SecurityException e) {
            throw new LineUnavailableException("no output line for " + (int) sampleRate + " Hz stereo");
        }
        int bufferFrames = Math.max(maxBlock * 2, (int) Math.round(sampleRate * bufferMs / 1000));
        line.open(fmt, bufferFrames * 4);
        line.start();
        return new JavaSoundOutput(line, maxBlock, bufferMs);
    }

    @Override
    public void write(float[] left, float[] right, int n) {
        int k = 0;
        for (int i = 0; i < n; i++) {
            int l = (int) Math.round(Math.max(-1f, Math.min(1f, left[i])) * 32767.0);
            int r = (int) Math.round(Math.max(-1f, Math.min(1f, right[i])) * 32767.0);
            bytes[k++] = (byte) l;
            bytes[k++] = (byte) (l >> 8);
            bytes[k++] = (byte) r;
            bytes[k++] = (byte) (r >> 8);
        }
        int off = 0;
        while (off < k) {
            int w = line.write(bytes, off, k - off);
            if (w <= 0) {
                throw new IllegalStateException("the sound device stopped accepting audio");
            }
            off += w;
        }
    }

    @Override
    public void close() {
        try {
            line.stop();
            line.flush();
            line.close();
        } catch (RuntimeException ignored) {
            // closing a failed device must never take the app down
        }
    }

    @Override
    public boolean isSilent() {
        return false;
    }

    @Override
    public String describe() {
        return String.format(java.util.Locale.ROOT, "Output: default sound device, %.0f ms buffer", bufferMs);
    }
}
