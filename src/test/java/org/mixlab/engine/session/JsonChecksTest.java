package org.mixlab.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared JSON field checks: exact one-line messages and what each returns. */
class JsonChecksTest {
    private final List<String> problems = new ArrayList<>();
    private final JsonChecks checks = new JsonChecks((p, w) -> problems.add(p + ": " + w), SessionIo::fmt);

    private static JsonNode json(String s) throws Exception {
        return new ObjectMapper().readTree(s);
    }

    @Test
    void numbersAreCheckedForPresenceTypeAndRange() throws Exception {
        JsonNode n = json("{\"a\": 20, \"b\": \"x\", \"c\": 0.5}");
        assertThat(checks.number(n, "$.t", "a", -100, 12, true)).isEqualTo(20.0);
        assertThat(checks.numberInRange(n, "$.t", "a", -100, 12, true)).isNull();
        assertThat(checks.number(n, "$.t", "b", 0, 1, false)).isNaN();
        assertThat(checks.number(n, "$.t", "missing", 0, 1, true)).isNaN();
        assertThat(checks.number(n, "$.t", "optional", 0, 1, false)).isNaN();
        assertThat(checks.numberInRange(n, "$.t", "c", 0, 1, true)).isEqualTo(0.5);
        assertThat(problems).containsExactly(
                "$.t.a: 20 is outside -100 to 12",
                "$.t.a: 20 is outside -100 to 12",
                "$.t.b: must be a number",
                "$.t.missing: missing");
    }

    @Test
    void textAndListsAreChecked() throws Exception {
        JsonNode n = json("{\"s\": \"ok\", \"blank\": \" \", \"list\": [1], \"notList\": 3}");
        assertThat(checks.text(n, "$", "s", true)).isEqualTo("ok");
        assertThat(checks.text(n, "$", "blank", true)).isNull();
        assertThat(checks.text(n, "$", "none", true)).isNull();
        assertThat(checks.array(n, "$", "list", true)).hasSize(1);
        assertThat(checks.array(n, "$", "notList", false)).isNull();
        assertThat(checks.array(n, "$", "none", false)).isNull();
        assertThat(problems).containsExactly(
                "$.blank: must be a non-empty string",
                "$.none: missing",
                "$.notList: must be a list");
    }

    @Test
    void flagsAndOptionalStringsAreChecked() throws Exception {
        JsonNode n = json("{\"on\": true, \"yes\": \"yes\", \"two\": 2, \"nul\": null, \"name\": \"\", "
                + "\"obj\": {\"a\": 1}, \"num\": 5}");
        for (String f : new String[] {"on", "yes", "two", "nul", "absent"}) {
            checks.flag(n, "$.t", f);
        }
        for (String f : new String[] {"name", "obj", "num", "nul", "absent"}) {
            checks.string(n, "$.t", f);
        }
        assertThat(problems).containsExactly(
                "$.t.yes: must be true or false",
                "$.t.two: must be true or false",
                "$.t.obj: must be a string",
                "$.t.num: must be a string");
    }
}
