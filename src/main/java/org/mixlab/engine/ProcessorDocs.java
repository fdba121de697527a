package org.mixlab.engine;

import java.util.Locale;
import org.mixlab.dsp.ParamSpec;
import org.mixlab.dsp.Processor;

/** Generates docs/processors.md from the registered processors' parameter specs, so the docs never drift. */
public final class ProcessorDocs {
    private ProcessorDocs() {}

    /** The Markdown text of docs/processors.md. */
    public static String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("# Processors\n\n");
        b.append("Generated from the code (`ProcessorDocs`); a test fails when this file is stale. Regenerate with\n");
        b.append("`java -cp target/classes org.mixlab.engine.ProcessorDocs > docs/processors.md`.\n\n");
        b.append("Every insert slot also has **bypass** (a 20 ms crossfade) and, where the table says so, a\n");
        b.append("**dry/wet mix** (0-100 %, the dry path delayed to match the processor's latency). Continuous\n");
        b.append("parameters are smoothed over 20-50 ms: multiplicative ramps for Hz and dB, linear for the rest.\n");
        b.append("Conventions and measured accuracy for each processor are in `docs/processors/<type>.md`.\n\n");
        b.append("Effects that output only the effect (100 % wet) start lower when the app adds them to a track, a\n");
        b.append("bus or the master, so the dry sound stays (the table gives the mix); on an aux return every new\n");
        b.append("insert starts at 100 %. Session and chain files default to 100 % when `mix` is left out.\n\n");
        b.append("| type | name | dry/wet |\n|---|---|---|\n");
        for (String t : ProcessorRegistry.types()) {
            Processor p = ProcessorRegistry.prototype(t);
            b.append("| `").append(t).append("` | ").append(p.displayName()).append(" | ")
                    .append(!p.supportsMix() ? "no" : p.insertMixDefault() < 1
                            ? "yes; a new insert starts at " + Math.round(100 * p.insertMixDefault()) + " %" : "yes")
                    .append(" |\n");
        }
        for (String t : ProcessorRegistry.types()) {
            Processor p = ProcessorRegistry.prototype(t);
            b.append("\n## `").append(t).append("`: ").append(p.displayName()).append("\n\n");
            b.append("| id | name | unit | range | default | taper |\n|---|---|---|---|---|---|\n");
            for (ParamSpec s : p.params()) {
                String range;
                switch (s.taper()) {
                    case CHOICE:
                        range = String.join(" / ", s.choices());
                        break;
                    case TOGGLE:
                        range = "off / on";
                        break;
                    default:
                        range = num(s.min()) + " to " + num(s.max());
                }
                b.append("| `").append(s.id()).append("` | ").append(s.name()).append(" | ")
                        .append(s.unit().isEmpty() ? "-" : s.unit()).append(" | ").append(range).append(" | ")
                        .append(s.format(s.defaultValue())).append(" | ")
                        .append(s.taper().name().toLowerCase(Locale.ROOT)).append(" |\n");
            }
        }
        return b.toString();
    }

    private static String num(double v) {
        if (v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        return String.format(Locale.ROOT, "%s", v);
    }

    /** Prints the Markdown (used to regenerate docs/processors.md). */
    public static void main(String[] args) {
        System.out.print(markdown());
    }
}
