package org.mixlab.engine.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;

/** One insert slot in a session file: a processor type, its parameters, bypass and dry/wet mix. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class InsertModel {
    /** Identifier unique within its strip, e.g. "eq1". */
    public String id;
    /** Processor type id, e.g. "eq" (see docs/processors.md). */
    public String type;
    /** True when the insert is bypassed; default false. */
    public boolean bypass;
    /** Dry/wet blend, 0.0 (dry) to 1.0 (wet); default 1.0. */
    public double mix = 1.0;
    /** Parameter values by parameter id; parameters left out keep their defaults. */
    public Map<String, Double> params = new LinkedHashMap<>();

    /** A deep copy. */
    public InsertModel copy() {
        InsertModel c = new InsertModel();
        c.id = id;
        c.type = type;
        c.bypass = bypass;
        c.mix = mix;
        c.params = new LinkedHashMap<>(params);
        return c;
    }
}
