package org.mixlab.classroom;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * A canonical text form of JSON used for seals and settings hashes: no whitespace, object keys sorted by
 * {@link String#compareTo}, strings escaped by Jackson, whole numbers below 2^53 written without a fraction and
 * other numbers with {@link Double#toString(double)} (so 1 and 1.0 hash alike, and re-indenting a file changes
 * nothing).
 */
public final class CanonicalJson {
    private static final double MAX_EXACT = 9_007_199_254_740_992.0;

    private CanonicalJson() {}

    /** The canonical text of {@code node}. */
    public static String write(JsonNode node) {
        StringBuilder sb = new StringBuilder(1024);
        append(sb, node);
        return sb.toString();
    }

    /** SHA-256 of the canonical text, as {@code sha256:<64 hex digits>}. */
    public static String sha256(JsonNode node) {
        return "sha256:" + HexFormat.of().formatHex(digest("SHA-256").digest(
                write(node).getBytes(StandardCharsets.UTF_8)));
    }

    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is not available in this Java runtime", e);
        }
    }

    private static void append(StringBuilder sb, JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            sb.append("null");
        } else if (n.isObject()) {
            List<String> keys = new ArrayList<>();
            for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
                keys.add(it.next());
            }
            keys.sort(null);
            sb.append('{');
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                string(sb, keys.get(i));
                sb.append(':');
                append(sb, n.get(keys.get(i)));
            }
            sb.append('}');
        } else if (n.isArray()) {
            sb.append('[');
            for (int i = 0; i < n.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                append(sb, n.get(i));
            }
            sb.append(']');
        } else if (n.isNumber()) {
            double d = n.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < MAX_EXACT) {
                sb.append((long) d);
            } else {
                sb.append(Double.toString(d));
            }
        } else if (n.isBoolean()) {
            sb.append(n.booleanValue());
        } else {
            string(sb, n.asText());
        }
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        sb.append(JsonStringEncoder.getInstance().quoteAsString(s));
        sb.append('"');
    }
}
