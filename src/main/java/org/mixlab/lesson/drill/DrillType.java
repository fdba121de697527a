package org.mixlab.lesson.drill;

/** The ear-training drill types a lesson pack can use (the "type" of a drill step). */
public enum DrillType {
    /** Which frequency band was boosted (and the boost shrinks as the learner improves). */
    EQ_BAND("eq-band"),
    /** Which of two versions is compressed. */
    COMPRESSION("compression"),
    /** Is the instrument left or right of centre. */
    PAN("pan"),
    /** Which of two versions has more reverb. */
    REVERB_AMOUNT("reverb-amount"),
    /** Which of two versions is saturated. */
    SATURATION("saturation"),
    /** Which of two versions is louder (just-noticeable level difference). */
    LEVEL("level");

    private final String json;

    DrillType(String json) {
        this.json = json;
    }

    /** The name used in pack.json. */
    public String json() {
        return json;
    }

    /** The type for a pack.json name, or null. */
    public static DrillType fromJson(String s) {
        for (DrillType t : values()) {
            if (t.json.equals(s)) {
                return t;
            }
        }
        return null;
    }
}
