package org.mixlab.classroom;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.mixlab.engine.session.SessionIo;

/**
 * The content hash of an exercise, {@code sha256:<hex>}: tells the teacher whether a student worked on the same
 * version of the exercise. SHA-256 over, in this order:
 * <ol>
 * <li>every regular file inside {@code exercises/<id>/} (hidden files skipped), sorted by relative path with '/'
 * separators: {@code "file\0" + path + "\0" + length + "\0" + bytes}; text files (.json, .md, .txt, .csv) have CRLF
 * turned into LF first so a Windows checkout hashes like a Unix one;</li>
 * <li>every file outside that folder referenced by a relative path from exercise.json or from a session file in the
 * folder (the stems and any reference audio in the shared {@code audio/} folder), sorted by normalised path:
 * {@code "ref\0" + path + "\0" + size + "\0"}, or {@code size = "missing"}; such a file that is JSON (a shared
 * session) is hashed whole instead, LF-normalised, and its own references are followed. Only the path and size of these large
 * files are hashed, not their bytes, so hashing stays instant; a stem re-recorded at the same length in samples and
 * format would go unnoticed, which is acceptable for shared read-only course audio.</li>
 * </ol>
 */
public final class ExerciseHash {
    private static final int MAX_DEPTH = 6;

    private ExerciseHash() {}

    /**
     * Hashes the exercise folder.
     *
     * @throws IOException when the folder cannot be read
     */
    public static String compute(Path exerciseDir) throws IOException {
        Path dir = exerciseDir.toAbsolutePath().normalize();
        TreeMap<String, Path> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir, MAX_DEPTH)) {
            s.filter(Files::isRegularFile).forEach(f -> {
                String rel = slash(dir.relativize(f));
                if (!hidden(rel)) {
                    files.put(rel, f);
                }
            });
        }
        MessageDigest md = CanonicalJson.digest("SHA-256");
        TreeSet<String> refs = new TreeSet<>();
        for (var e : files.entrySet()) {
            byte[] bytes = Files.readAllBytes(e.getValue());
            String name = e.getKey().toLowerCase(Locale.ROOT);
            if (isText(name)) {
                bytes = lf(bytes);
            }
            md.update(("file\0" + e.getKey() + "\0" + bytes.length + "\0").getBytes(StandardCharsets.UTF_8));
            md.update(bytes);
            if (name.endsWith(".json")) {
                collectRefs(dir, e.getValue(), bytes, refs);
            }
        }
        // referenced JSON files outside the folder (a shared session, say) are hashed whole, with their own refs
        TreeMap<String, byte[]> jsonRefs = new TreeMap<>();
        for (boolean grew = true; grew;) {
            grew = false;
            for (String r : List.copyOf(refs)) {
                Path p = dir.resolve(r).normalize();
                if (r.toLowerCase(Locale.ROOT).endsWith(".json") && !jsonRefs.containsKey(r)
                        && Files.isRegularFile(p) && Files.size(p) <= SessionIo.MAX_FILE_BYTES) {
                    byte[] b = lf(Files.readAllBytes(p));
                    jsonRefs.put(r, b);
                    collectRefs(dir, p, b, refs);
                    grew = true;
                }
            }
        }
        for (String r : refs) {
            Path p = dir.resolve(r).normalize();
            byte[] json = jsonRefs.get(r);
            if (json != null) {
                md.update(("refjson\0" + r + "\0" + json.length + "\0").getBytes(StandardCharsets.UTF_8));
                md.update(json);
                continue;
            }
            String size = Files.isRegularFile(p) ? Long.toString(Files.size(p)) : "missing";
            md.update(("ref\0" + r + "\0" + size + "\0").getBytes(StandardCharsets.UTF_8));
        }
        return "sha256:" + HexFormat.of().formatHex(md.digest());
    }

    private static boolean hidden(String rel) {
        for (String part : rel.split("/")) {
            if (part.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isText(String name) {
        return name.endsWith(".json") || name.endsWith(".md") || name.endsWith(".txt") || name.endsWith(".csv");
    }

    private static byte[] lf(byte[] b) {
        byte[] out = new byte[b.length];
        int n = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\r' && i + 1 < b.length && b[i + 1] == '\n') {
                continue;
            }
            out[n++] = b[i];
        }
        return n == b.length ? b : java.util.Arrays.copyOf(out, n);
    }

    /** Adds every string value that looks like a relative path to a file outside the exercise folder. */
    private static void collectRefs(Path dir, Path jsonFile, byte[] bytes, TreeSet<String> refs) {
        JsonNode root;
        try {
            root = SessionIo.mapper().readTree(bytes);
        } catch (IOException e) {
            return; // a broken JSON file is still hashed by its bytes
        }
        List<String> values = new ArrayList<>();
        strings(root, values);
        Path base = jsonFile.getParent();
        for (String v : values) {
            if (!looksLikeFile(v)) {
                continue;
            }
            Path p;
            try {
                p = base.resolve(v.replace('\\', '/')).normalize();
            } catch (RuntimeException e) {
                continue;
            }
            if (!p.startsWith(dir)) {
                refs.add(slash(dir.relativize(p)));
            }
        }
    }

    private static boolean looksLikeFile(String v) {
        if (v.isEmpty() || v.length() > 500 || v.startsWith("/") || v.matches("^[A-Za-z]:.*")
                || v.contains("://")) {
            return false;
        }
        String l = v.toLowerCase(Locale.ROOT);
        return l.endsWith(".wav") || l.endsWith(".aif") || l.endsWith(".aiff") || l.endsWith(".aifc")
                || l.endsWith(".flac") || l.endsWith(".json") || l.endsWith(".rf64");
    }

    private static void strings(JsonNode n, List<String> out) {
        if (n.isTextual()) {
            out.add(n.asText());
        } else if (n.isContainerNode()) {
            for (Iterator<JsonNode> it = n.elements(); it.hasNext();) {
                strings(it.next(), out);
            }
        }
    }

    private static String slash(Path p) {
        return p.toString().replace('\\', '/');
    }
}
