package org.mixlab.engine.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Reads WAV (RIFF/WAVE and RF64; PCM, IEEE float and WAVE_FORMAT_EXTENSIBLE) and AIFF/AIFF-C files into
 * {@link AudioData}, with plain java.nio. Every header value is checked against the real file size before anything
 * is allocated; every loop is bounded by the file size. Any problem, including unexpected runtime failures, comes
 * out as an {@link AudioFileException} whose one-line message names the file and the problem.
 *
 * <p>Supported: 1 to {@value #MAX_CHANNELS} channels, {@code 8,000} to {@code 192,000} Hz, 8-bit (unsigned in WAV,
 * signed in AIFF), 16-, 24- and 32-bit integer and 32- and 64-bit float samples. See docs/audio-io.md.
 */
public final class AudioFileReader {
    /** Default longest accepted duration in seconds: 1800 (30 minutes). */
    public static final double DEFAULT_MAX_DURATION_S = 1800;
    /** Most channels accepted: 8. */
    public static final int MAX_CHANNELS = 8;
    /** Lowest accepted sample rate in Hz: 8,000. */
    public static final double MIN_RATE_HZ = 8_000;
    /** Highest accepted sample rate in Hz: 192,000. */
    public static final double MAX_RATE_HZ = 192_000;

    private static final int IO_BUFFER_BYTES = 1 << 16;
    private static final byte[] EXTENSIBLE_GUID_TAIL = {
        0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71};

    private AudioFileReader() {}

    /** Reads {@code file} with the default 30-minute cap. */
    public static AudioData read(Path file) throws AudioFileException {
        return read(file, DEFAULT_MAX_DURATION_S);
    }

    /** Reads {@code file}, refusing audio longer than {@code maxDurationS} seconds (> 0). */
    public static AudioData read(Path file, double maxDurationS) throws AudioFileException {
        if (!(maxDurationS > 0)) {
            throw new IllegalArgumentException("maxDurationS must be positive: " + maxDurationS);
        }
        if (file == null) {
            throw new AudioFileException(null, "no file given");
        }
        try {
            if (Files.isDirectory(file)) {
                throw new AudioFileException(file, "is a folder, not an audio file");
            }
            if (!Files.exists(file)) {
                throw new AudioFileException(file, "file not found");
            }
            if (!Files.isRegularFile(file)) {
                throw new AudioFileException(file, "not a regular file");
            }
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                return new Parser(file, ch, ch.size(), maxDurationS).parse();
            }
        } catch (AudioFileException e) {
            throw e;
        } catch (NoSuchFileException e) {
            throw new AudioFileException(file, "file not found", e);
        } catch (AccessDeniedException e) {
            throw new AudioFileException(file, "permission denied", e);
        } catch (IOException e) {
            throw new AudioFileException(file, "cannot read the file (" + describe(e) + ")", e);
        } catch (OutOfMemoryError e) {
            throw new AudioFileException(file, "not enough memory to load this file", e);
        } catch (RuntimeException e) {
            throw new AudioFileException(file, "unreadable (" + describe(e) + ")", e);
        }
    }

    /** Reads {@code file} (default cap) and resamples it to {@code targetRateHz} when its rate differs. */
    public static AudioData readAtRate(Path file, double targetRateHz) throws AudioFileException {
        AudioData data = read(file);
        try {
            return data.resampledTo(targetRateHz);
        } catch (OutOfMemoryError e) {
            throw new AudioFileException(file, "not enough memory to resample this file", e);
        } catch (RuntimeException e) {
            throw new AudioFileException(file, "cannot resample to " + targetRateHz + " Hz (" + describe(e) + ")", e);
        }
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + m;
    }

    /** How samples are stored. */
    private enum Encoding {
        U8, S8, S16, S24, S32, F32, F64;

        int bytes() {
            switch (this) {
                case U8: case S8: return 1;
                case S16: return 2;
                case S24: return 3;
                case S32: case F32: return 4;
                default: return 8;
            }
        }

        boolean isFloat() {
            return this == F32 || this == F64;
        }
    }

    /** One read of one file; not thread-safe, never reused. */
    private static final class Parser {
        private final Path file;
        private final FileChannel ch;
        private final long size;
        private final double maxDurationS;

        Parser(Path file, FileChannel ch, long size, double maxDurationS) {
            this.file = file;
            this.ch = ch;
            this.size = size;
            this.maxDurationS = maxDurationS;
        }

        AudioData parse() throws IOException {
            if (size == 0) {
                throw fail("empty file (0 bytes)");
            }
            if (size < 12) {
                throw fail(String.format(Locale.ROOT, "truncated: only %,d bytes, too short for an audio header",
                        size));
            }
            byte[] head = bytes(0, 12);
            String magic = ascii(head, 0);
            String kind = ascii(head, 8);
            if ((magic.equals("RIFF") || magic.equals("RF64") || magic.equals("BW64")) && kind.equals("WAVE")) {
                return parseWave(!magic.equals("RIFF"));
            }
            if (magic.equals("FORM") && (kind.equals("AIFF") || kind.equals("AIFC"))) {
                return parseAiff(kind.equals("AIFC"));
            }
            throw fail(unknownFormat(head, magic, kind));
        }

        private String unknownFormat(byte[] head, String magic, String kind) {
            if (magic.equals("fLaC")) {
                return "unknown format: FLAC is not supported (convert to WAV or AIFF)";
            }
            if (magic.equals("OggS")) {
                return "unknown format: Ogg is not supported (convert to WAV or AIFF)";
            }
            if (magic.startsWith("ID3") || ((head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0)) {
                return "unknown format: MP3 is not supported (convert to WAV or AIFF)";
            }
            if (magic.equals("RIFF") || magic.equals("FORM")) {
                return "unknown format: a " + magic + " file of type '" + printable(kind) + "', not WAVE/AIFF";
            }
            return "unknown format: not a WAV or AIFF file (starts with '" + printable(magic) + "')";
        }

        // ------------------------------------------------------------------------------------------ WAV

        private AudioData parseWave(boolean rf64) throws IOException {
            long riffSize = u32(bytes(4, 4), 0, false);
            long ds64Data = -1;
            long pos = 12;
            if (rf64) {
                if (size < 20 + 28) {
                    throw fail("truncated: RF64 file too short for its ds64 chunk");
                }
                byte[] h = bytes(12, 8);
                if (!ascii(h, 0).equals("ds64")) {
                    throw fail("corrupt: RF64 file does not start with a ds64 chunk");
                }
                long dsSize = u32(h, 4, false);
                if (dsSize < 28 || dsSize > size - 20) {
                    throw fail(String.format(Locale.ROOT, "corrupt: ds64 chunk size %,d is impossible", dsSize));
                }
                byte[] d = bytes(20, 28);
                riffSize = s64le(d, 0);
                ds64Data = s64le(d, 8);
                if (riffSize < 0 || ds64Data < 0) {
                    throw fail("corrupt: ds64 chunk holds negative sizes");
                }
                pos = 20 + dsSize + (dsSize & 1);
            }
            if (riffSize < 4) {
                throw fail(String.format(Locale.ROOT, "corrupt: RIFF size %,d is too small", riffSize));
            }
            if (riffSize > size - 8 + 1) {
                throw fail(String.format(Locale.ROOT,
                        "truncated: RIFF header claims %,d bytes but the file has only %,d", riffSize + 8, size));
            }
            long end = Math.min(size, riffSize + 8);

            byte[] fmt = null;
            long fmtSize = 0;
            long dataPos = -1;
            long dataSize = 0;
            while (pos + 8 <= end) {
                byte[] h = bytes(pos, 8);
                String id = ascii(h, 0);
                long cs = u32(h, 4, false);
                if (rf64 && id.equals("data") && cs == 0xFFFFFFFFL) {
                    cs = ds64Data;
                }
                long avail = end - pos - 8;
                if (cs > avail) {
                    throw fail(String.format(Locale.ROOT, "truncated: %s chunk claims %,d bytes but only %,d remain",
                            chunkName(id), cs, avail));
                }
                if (id.equals("fmt ") && fmt == null) {
                    if (cs < 16) {
                        throw fail(String.format(Locale.ROOT, "corrupt: fmt chunk is only %,d bytes", cs));
                    }
                    fmtSize = cs;
                    fmt = bytes(pos + 8, (int) Math.min(cs, 40));
                } else if (id.equals("data") && dataPos < 0) {
                    dataPos = pos + 8;
                    dataSize = cs;
                }
                pos += 8 + cs + (cs & 1);
            }
            if (fmt == null) {
                throw fail("corrupt: no fmt chunk (the format description is missing)");
            }
            if (dataPos < 0) {
                throw fail("corrupt: no data chunk (the audio is missing)");
            }

            int tag = u16(fmt, 0, false);
            int channels = u16(fmt, 2, false);
            long rate = u32(fmt, 4, false);
            int blockAlign = u16(fmt, 12, false);
            int bits = u16(fmt, 14, false);
            int validBits = bits;
            checkChannels(channels);
            checkRate(rate);
            int code = tag;
            if (tag == 0xFFFE) {
                if (fmtSize < 40) {
                    throw fail(String.format(Locale.ROOT,
                            "corrupt: WAVE_FORMAT_EXTENSIBLE fmt chunk is only %,d bytes (needs 40)", fmtSize));
                }
                int vb = u16(fmt, 18, false);
                if (vb > bits) {
                    throw fail("corrupt: " + vb + " valid bits in a " + bits + "-bit container");
                }
                if (vb != 0) {
                    validBits = vb;
                }
                for (int i = 0; i < EXTENSIBLE_GUID_TAIL.length; i++) {
                    if (fmt[26 + i] != EXTENSIBLE_GUID_TAIL[i]) {
                        throw fail("unknown format: WAVE_FORMAT_EXTENSIBLE with an unknown sub-format GUID");
                    }
                }
                code = u16(fmt, 24, false);
            }
            Encoding enc;
            if (code == 1) {
                switch (bits) {
                    case 8: enc = Encoding.U8; break;
                    case 16: enc = Encoding.S16; break;
                    case 24: enc = Encoding.S24; break;
                    case 32: enc = Encoding.S32; break;
                    default: throw fail("unsupported: " + bits + "-bit PCM (8, 16, 24 and 32 are supported)");
                }
            } else if (code == 3) {
                if (bits == 32) {
                    enc = Encoding.F32;
                } else if (bits == 64) {
                    enc = Encoding.F64;
                } else {
                    throw fail("unsupported: " + bits + "-bit float (32 and 64 are supported)");
                }
            } else {
                throw fail("unknown format: " + waveCodeName(code) + " (only PCM and IEEE float are supported)");
            }
            if (blockAlign != channels * enc.bytes()) {
                throw fail(String.format(Locale.ROOT,
                        "corrupt: block align %d does not match %d channel(s) of %d-bit samples", blockAlign,
                        channels, bits));
            }
            long frames = dataSize / blockAlign;
            return readSamples(dataPos, frames, channels, rate, enc, false, enc == Encoding.U8 ? 8 : validBits);
        }

        private static String waveCodeName(int code) {
            switch (code) {
                case 0x0002: return "Microsoft ADPCM (format tag 0x0002)";
                case 0x0006: return "A-law (format tag 0x0006)";
                case 0x0007: return "mu-law (format tag 0x0007)";
                case 0x0011: return "IMA ADPCM (format tag 0x0011)";
                case 0x0055: return "MP3 in WAV (format tag 0x0055)";
                default: return String.format(Locale.ROOT, "format tag 0x%04X", code);
            }
        }

        // ------------------------------------------------------------------------------------------ AIFF

        private AudioData parseAiff(boolean aifc) throws IOException {
            long formSize = u32(bytes(4, 4), 0, true);
            if (formSize < 4) {
                throw fail(String.format(Locale.ROOT, "corrupt: FORM size %,d is too small", formSize));
            }
            if (formSize > size - 8 + 1) {
                throw fail(String.format(Locale.ROOT,
                        "truncated: FORM header claims %,d bytes but the file has only %,d", formSize + 8, size));
            }
            long end = Math.min(size, formSize + 8);
            byte[] comm = null;
            long commSize = 0;
            long ssndPos = -1;
            long ssndSize = 0;
            long pos = 12;
            while (pos + 8 <= end) {
                byte[] h = bytes(pos, 8);
                String id = ascii(h, 0);
                long cs = u32(h, 4, true);
                long avail = end - pos - 8;
                if (cs > avail) {
                    throw fail(String.format(Locale.ROOT, "truncated: %s chunk claims %,d bytes but only %,d remain",
                            chunkName(id), cs, avail));
                }
                if (id.equals("COMM") && comm == null) {
                    int need = aifc ? 22 : 18;
                    if (cs < need) {
                        throw fail(String.format(Locale.ROOT, "corrupt: COMM chunk is only %,d bytes", cs));
                    }
                    commSize = cs;
                    comm = bytes(pos + 8, need);
                } else if (id.equals("SSND") && ssndPos < 0) {
                    if (cs < 8) {
                        throw fail(String.format(Locale.ROOT, "corrupt: SSND chunk is only %,d bytes", cs));
                    }
                    ssndPos = pos + 8;
                    ssndSize = cs;
                }
                pos += 8 + cs + (cs & 1);
            }
            if (comm == null) {
                throw fail("corrupt: no COMM chunk (the format description is missing)");
            }
            if (ssndPos < 0) {
                throw fail("corrupt: no SSND chunk (the audio is missing)");
            }
            int channels = (short) u16(comm, 0, true);
            long frames = u32(comm, 2, true);
            int bits = (short) u16(comm, 6, true);
            double rate = extended80(comm, 8);
            if (channels < 0) {
                throw fail("corrupt: negative channel count " + channels);
            }
            checkChannels(channels);
            checkRate(rate);
            String compression = aifc ? ascii(comm, 18) : "NONE";
            Encoding enc;
            boolean littleEndian = false;
            switch (compression) {
                case "NONE": case "twos":
                    enc = aiffIntegerEncoding(bits);
                    break;
                case "sowt":
                    enc = aiffIntegerEncoding(bits);
                    littleEndian = true;
                    break;
                case "raw ":
                    if (bits != 8) {
                        throw fail("unsupported: AIFF-C 'raw ' with " + bits + "-bit samples");
                    }
                    enc = Encoding.U8;
                    break;
                case "in24":
                    enc = Encoding.S24;
                    bits = 24;
                    break;
                case "in32":
                    enc = Encoding.S32;
                    bits = 32;
                    break;
                case "fl32": case "FL32":
                    enc = Encoding.F32;
                    bits = 32;
                    break;
                case "fl64": case "FL64":
                    enc = Encoding.F64;
                    bits = 64;
                    break;
                default:
                    throw fail("unknown format: AIFF-C compression '" + printable(compression)
                            + "' (NONE, sowt, twos, in24, in32, fl32 and fl64 are supported)");
            }
            long offset = u32(bytes(ssndPos, 8), 0, true);
            long avail = ssndSize - 8 - offset;
            if (avail < 0) {
                throw fail(String.format(Locale.ROOT, "corrupt: SSND offset %,d lies beyond its %,d-byte chunk",
                        offset, ssndSize));
            }
            long need = frames * channels * enc.bytes();
            if (need > avail) {
                throw fail(String.format(Locale.ROOT,
                        "truncated: COMM claims %,d frames (%,d bytes) but the SSND chunk holds only %,d", frames,
                        need, avail));
            }
            return readSamples(ssndPos + 8 + offset, frames, channels, rate, enc, !littleEndian, bits);
        }

        private Encoding aiffIntegerEncoding(int bits) throws AudioFileException {
            if (bits >= 1 && bits <= 8) {
                return Encoding.S8;
            } else if (bits > 8 && bits <= 16) {
                return Encoding.S16;
            } else if (bits > 16 && bits <= 24) {
                return Encoding.S24;
            } else if (bits > 24 && bits <= 32) {
                return Encoding.S32;
            }
            throw fail("unsupported: " + bits + "-bit AIFF samples (1 to 32 are supported)");
        }

        /** Decodes an IEEE 754 80-bit extended float (big-endian) as used for the AIFF sample rate. */
        private double extended80(byte[] b, int off) throws AudioFileException {
            int se = u16(b, off, true);
            boolean negative = (se & 0x8000) != 0;
            int exp = se & 0x7FFF;
            long mantissa = 0;
            for (int i = 0; i < 8; i++) {
                mantissa = (mantissa << 8) | (b[off + 2 + i] & 0xFF);
            }
            if (exp == 0x7FFF) {
                throw fail("corrupt: sample rate is not a number");
            }
            if (mantissa == 0) {
                return 0.0;
            }
            double m = (double) (mantissa >>> 11);
            double value = Math.scalb(m, exp - 16383 - 63 + 11);
            return negative ? -value : value;
        }

        // ------------------------------------------------------------------------------------------ shared

        private void checkChannels(int channels) throws AudioFileException {
            if (channels == 0) {
                throw fail("zero channels");
            }
            if (channels > MAX_CHANNELS) {
                throw fail("unsupported: " + channels + " channels (at most " + MAX_CHANNELS + ")");
            }
        }

        private void checkRate(double rate) throws AudioFileException {
            if (rate == 0) {
                throw fail("zero sample rate");
            }
            if (!(rate >= MIN_RATE_HZ && rate <= MAX_RATE_HZ)) {
                throw fail(String.format(Locale.ROOT,
                        "unsupported sample rate %s Hz (8,000 to 192,000 Hz are supported)", formatRate(rate)));
            }
        }

        private static String formatRate(double rate) {
            if (rate == Math.rint(rate) && Math.abs(rate) < 1e15) {
                return String.format(Locale.ROOT, "%,d", (long) rate);
            }
            return String.format(Locale.ROOT, "%,.3f", rate);
        }

        private AudioData readSamples(long dataPos, long frames, int channels, double rate, Encoding enc,
                boolean bigEndian, int bits) throws IOException {
            if (frames <= 0) {
                throw fail("no audio: the file holds no sample frames");
            }
            double durationS = frames / rate;
            if (durationS > maxDurationS) {
                throw fail("too long: " + clock(durationS, true) + " exceeds the " + clock(maxDurationS, false)
                        + " limit");
            }
            int frameBytes = channels * enc.bytes();
            if (dataPos + frames * frameBytes > size) {
                throw fail(String.format(Locale.ROOT, "truncated: audio needs %,d bytes but only %,d remain",
                        frames * frameBytes, size - dataPos));
            }
            if (frames > Integer.MAX_VALUE - 8) {
                throw fail(String.format(Locale.ROOT, "too long: %,d frames do not fit in memory", frames));
            }
            int n = (int) frames;
            float[][] out = new float[channels][n];
            int chunkFrames = Math.max(1, IO_BUFFER_BYTES / frameBytes);
            ByteBuffer buf = ByteBuffer.allocate(chunkFrames * frameBytes);
            buf.order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            long pos = dataPos;
            int frame = 0;
            while (frame < n) {
                int k = Math.min(chunkFrames, n - frame);
                buf.clear();
                buf.limit(k * frameBytes);
                fill(buf, pos);
                buf.flip();
                decode(buf, out, frame, k, channels, enc, bigEndian);
                pos += (long) k * frameBytes;
                frame += k;
            }
            return new AudioData(out, rate, bits, enc.isFloat());
        }

        private static void decode(ByteBuffer buf, float[][] out, int start, int count, int channels, Encoding enc,
                boolean bigEndian) {
            if (!bigEndian && buf.hasArray() && (enc == Encoding.S24 || enc == Encoding.S16)) {
                decodeLittleEndianPcm(buf, out, start, count, channels, enc == Encoding.S24);
                return;
            }
            for (int f = start; f < start + count; f++) {
                for (int c = 0; c < channels; c++) {
                    float v;
                    switch (enc) {
                        case U8:
                            v = ((buf.get() & 0xFF) - 128) / 128f;
                            break;
                        case S8:
                            v = buf.get() / 128f;
                            break;
                        case S16:
                            v = buf.getShort() / 32768f;
                            break;
                        case S24: {
                            int b0 = buf.get() & 0xFF;
                            int b1 = buf.get() & 0xFF;
                            int b2 = buf.get();
                            int s = bigEndian ? ((b0 << 24) | (b1 << 16) | ((b2 & 0xFF) << 8)) >> 8
                                    : (b2 << 16) | (b1 << 8) | b0;
                            v = s / 8388608f;
                            break;
                        }
                        case S32:
                            v = (float) (buf.getInt() / 2147483648.0);
                            break;
                        case F32:
                            v = buf.getFloat();
                            break;
                        default:
                            v = (float) buf.getDouble();
                            break;
                    }
                    out[c][f] = Float.isFinite(v) ? v : 0f;
                }
            }
        }

        /** The common WAV cases (16- and 24-bit little-endian PCM) straight from the backing array: ~4x faster. */
        private static void decodeLittleEndianPcm(ByteBuffer buf, float[][] out, int start, int count, int channels,
                boolean is24) {
            byte[] b = buf.array();
            int p = buf.arrayOffset() + buf.position();
            int bytes = is24 ? 3 : 2;
            for (int c = 0; c < channels; c++) {
                float[] o = out[c];
                int q = p + c * bytes;
                int stride = channels * bytes;
                if (is24) {
                    for (int f = start, end = start + count; f < end; f++, q += stride) {
                        int v = (b[q] & 0xFF) | ((b[q + 1] & 0xFF) << 8) | (b[q + 2] << 16);
                        o[f] = v * (1f / 8388608f);
                    }
                } else {
                    for (int f = start, end = start + count; f < end; f++, q += stride) {
                        int v = (b[q] & 0xFF) | (b[q + 1] << 8);
                        o[f] = v * (1f / 32768f);
                    }
                }
            }
            buf.position(buf.position() + count * channels * bytes);
        }

        /** Duration for messages: "0.5 s" under a minute, otherwise "m:ss" (durations round up, limits down). */
        private static String clock(double seconds, boolean roundUp) {
            if (seconds < 60) {
                return String.format(Locale.ROOT, "%.1f s", seconds);
            }
            long s = (long) (roundUp ? Math.ceil(seconds) : Math.floor(seconds));
            return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }

        private static String chunkName(String id) {
            return "'" + printable(id) + "'";
        }

        private AudioFileException fail(String problem) {
            return new AudioFileException(file, problem);
        }

        /** Reads exactly {@code n} bytes at {@code pos}; n is small (a header). */
        private byte[] bytes(long pos, int n) throws IOException {
            if (pos < 0 || pos + n > size) {
                throw fail(String.format(Locale.ROOT, "truncated: header needs %,d bytes at offset %,d", n, pos));
            }
            ByteBuffer b = ByteBuffer.allocate(n);
            fill(b, pos);
            return b.array();
        }

        /** Fills {@code b} from position {@code pos}; bounded: fails on end of file or on repeated empty reads. */
        private void fill(ByteBuffer b, long pos) throws IOException {
            long p = pos;
            int stalls = 0;
            while (b.hasRemaining()) {
                int r = ch.read(b, p);
                if (r < 0) {
                    throw fail("truncated: the file ended early (was it changed while being read?)");
                }
                if (r == 0 && ++stalls > 16) {
                    throw fail("cannot read the file (no progress)");
                }
                p += r;
            }
        }

        private static String ascii(byte[] b, int off) {
            return new String(b, off, 4, StandardCharsets.ISO_8859_1);
        }

        private static String printable(String s) {
            StringBuilder sb = new StringBuilder();
            for (char c : s.toCharArray()) {
                sb.append(c >= 0x20 && c < 0x7F ? c : '?');
            }
            return sb.toString();
        }

        private static int u16(byte[] b, int off, boolean be) {
            return be ? ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF) : (b[off] & 0xFF) | ((b[off + 1] & 0xFF) << 8);
        }

        private static long u32(byte[] b, int off, boolean be) {
            long v = 0;
            for (int i = 0; i < 4; i++) {
                int idx = be ? off + i : off + 3 - i;
                v = (v << 8) | (b[idx] & 0xFF);
            }
            return v;
        }

        private static long s64le(byte[] b, int off) {
            long v = 0;
            for (int i = 7; i >= 0; i--) {
                v = (v << 8) | (b[off + i] & 0xFF);
            }
            return v;
        }
    }
}
