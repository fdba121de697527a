package org.mixlab.classroom;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Crash-safe file writes for classroom data: the bytes go to a temporary file in the target's own folder, are forced
 * to the disk ({@link FileChannel#force}), and the temporary file is then renamed over the target with
 * {@code ATOMIC_MOVE}. A failure at any point leaves the old file untouched and removes the temporary file.
 */
public final class AtomicFiles {
    /** Writes the bytes of a file into an open channel; replaceable in tests to simulate a crash mid-write. */
    @FunctionalInterface
    public interface ChannelWriter {
        /** Writes all of {@code bytes} to {@code channel}. */
        void write(FileChannel channel, byte[] bytes) throws IOException;
    }

    /** The normal writer: writes every byte. */
    public static final ChannelWriter FULL = (ch, bytes) -> {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    };

    private AtomicFiles() {}

    /** Writes {@code bytes} to {@code file} atomically (temp file, fsync, atomic rename). */
    public static void write(Path file, byte[] bytes) throws IOException {
        write(file, bytes, FULL);
    }

    /** Writes {@code bytes} to {@code file} atomically, with {@code writer} filling the temporary file. */
    public static void write(Path file, byte[] bytes, ChannelWriter writer) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                writer.write(ch, bytes);
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            forceDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Flushes a folder's entry table so the rename survives a power cut (a no-op where the OS refuses it). */
    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            // Windows cannot open folders as channels; NTFS journals the rename itself.
        }
    }
}
