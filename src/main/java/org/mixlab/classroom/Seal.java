package org.mixlab.classroom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The seal on a submission: HMAC-SHA256 over the canonical JSON ({@link CanonicalJson}) of every field except
 * {@code seal}, with a key embedded in MixLab. Honest limits: the key ships inside an open-source app, so the seal
 * shows that a file was edited by hand (a changed score, a tweaked fader) but cannot stop someone who rebuilds MixLab
 * or copies the key. The real guarantee is the teacher's re-grading from the settings.
 */
public final class Seal {
    /** Prefix of the seal text. */
    public static final String PREFIX = "hmac-sha256:";

    private static final byte[] KEY = "MixLab submission seal v1 / hand-edit detector, not a secret"
            .getBytes(StandardCharsets.UTF_8);

    private Seal() {}

    /** The seal of a submission tree (its {@code seal} field, if any, is left out). */
    public static String compute(JsonNode submission) {
        ObjectNode copy = ((ObjectNode) submission).deepCopy();
        copy.remove("seal");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            byte[] h = mac.doFinal(CanonicalJson.write(copy).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(h);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this Java runtime", e);
        }
    }

    /** True when the tree's {@code seal} field matches its content (compared in constant time). */
    public static boolean verify(JsonNode submission) {
        JsonNode s = submission.get("seal");
        if (s == null || !s.isTextual()) {
            return false;
        }
        return MessageDigest.isEqual(s.asText().getBytes(StandardCharsets.UTF_8),
                compute(submission).getBytes(StandardCharsets.UTF_8));
    }
}
