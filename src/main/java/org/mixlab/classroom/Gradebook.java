package org.mixlab.classroom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mixlab.engine.session.Session;

/**
 * The teacher's gradebook: re-grades every submission in a folder from its settings (the reported score is never
 * trusted), on a small thread pool, and flags what needs a look: edited score, broken seal, changed exercise version,
 * unknown exercise, duplicate attempt, identical mixes from different students, unreadable files, grading failures.
 * Keeps the best re-graded score per student per exercise.
 *
 * <p>Files looked at: every {@code *.json} file in the folder and its sub-folders up to 4 levels (LMS bulk downloads
 * rename files and put each student in a folder); hidden files are skipped and other files only counted.
 */
public final class Gradebook {
    /** A reported score may differ from the re-graded one by this much before it is flagged (rounding), points. */
    public static final double SCORE_TOLERANCE = 0.5;
    /** Default number of grading threads. */
    public static final int DEFAULT_THREADS = 2;

    private static final int MAX_DEPTH = 4;
    private static final Pattern NAME = Pattern.compile("(.+)_([A-Za-z0-9][A-Za-z0-9_-]*)_(\\d+)"
            + Pattern.quote(SubmissionIo.SUFFIX));

    private final ExerciseCatalog catalog;
    private final Grader grader;
    private final int threads;

    /** A gradebook over the catalog's exercises, grading with {@code grader} on {@code threads} threads (1..16). */
    public Gradebook(ExerciseCatalog catalog, Grader grader, int threads) {
        if (threads < 1 || threads > 16) {
            throw new IllegalArgumentException("threads: " + threads + " is not 1..16");
        }
        this.catalog = catalog;
        this.grader = grader;
        this.threads = threads;
    }

    /** A gradebook on {@value #DEFAULT_THREADS} threads. */
    public Gradebook(ExerciseCatalog catalog, Grader grader) {
        this(catalog, grader, DEFAULT_THREADS);
    }

    /**
     * Re-grades the folder.
     *
     * @throws IOException with a one-line message when the folder is missing or cannot be listed
     */
    public GradebookReport grade(Path submissionsDir) throws IOException {
        long t0 = System.nanoTime();
        if (!Files.isDirectory(submissionsDir)) {
            throw new IOException(submissionsDir + ": no such folder");
        }
        List<Path> files = new ArrayList<>();
        int[] ignored = {0};
        Path root = submissionsDir.toAbsolutePath().normalize();
        try (Stream<Path> s = Files.walk(root, MAX_DEPTH)) {
            s.filter(Files::isRegularFile).sorted().forEach(f -> {
                String rel = root.relativize(f).toString().replace('\\', '/');
                if (rel.startsWith(".") || rel.contains("/.")) {
                    return;
                }
                if (f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
                    files.add(f);
                } else {
                    ignored[0]++;
                }
            });
        }
        List<Partial> partials = gradeAll(files);
        markDuplicates(partials);
        markIdenticalMixes(partials);
        List<GradedSubmission> out = new ArrayList<>();
        for (Partial p : partials) {
            p.flags.sort(Comparator.comparing(Flag::kind));
            out.add(new GradedSubmission(p.file, p.read, p.score, p.feedback, p.flags));
        }
        return summarise(out, ignored[0], (System.nanoTime() - t0) / 1_000_000);
    }

    /** A submission being graded; flags are added by the cross-file checks afterwards. */
    private static final class Partial {
        final Path file;
        SubmissionIo.Read read;
        Double score;
        List<String> feedback = List.of();
        final List<Flag> flags = new ArrayList<>();

        Partial(Path file) {
            this.file = file;
        }
    }

    private List<Partial> gradeAll(List<Path> files) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "mixlab-gradebook");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Partial>> futures = new ArrayList<>();
            for (Path f : files) {
                futures.add(pool.submit(() -> gradeOne(f)));
            }
            List<Partial> out = new ArrayList<>();
            for (Future<Partial> fu : futures) {
                try {
                    out.add(fu.get());
                } catch (ExecutionException e) {
                    throw new IOException("grading stopped: " + e.getCause(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("grading interrupted", e);
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private Partial gradeOne(Path file) {
        Partial p = new Partial(file);
        try {
            p.read = SubmissionIo.read(file);
        } catch (SubmissionException e) {
            p.flags.add(new Flag(Flag.Kind.UNREADABLE, e.getMessage()));
            return p;
        }
        Submission s = p.read.submission();
        if (!p.read.sealIntact()) {
            p.flags.add(new Flag(Flag.Kind.SEAL_BROKEN, "edited outside MixLab"));
        }
        Optional<ExerciseInfo> info = catalog.find(s.exerciseId());
        if (info.isEmpty()) {
            p.flags.add(new Flag(Flag.Kind.UNKNOWN_EXERCISE, "'" + s.exerciseId() + "' is not installed"));
            return p;
        }
        try {
            String hash = catalog.contentHash(s.exerciseId());
            if (!hash.equals(s.contentHash())) {
                p.flags.add(new Flag(Flag.Kind.EXERCISE_CHANGED, "graded against the installed version"));
            }
        } catch (IOException e) {
            p.flags.add(new Flag(Flag.Kind.GRADING_FAILED, "exercise folder cannot be read: " + e.getMessage()));
            return p;
        }
        Session session = s.session().copy();
        session.baseDir = info.get().folder();
        try {
            GradeResult r = grader.grade(s.exerciseId(), session);
            p.score = r.score();
            p.feedback = r.feedback();
            if (Math.abs(r.score() - s.reportedScore()) > SCORE_TOLERANCE) {
                p.flags.add(new Flag(Flag.Kind.SCORE_EDITED, String.format(Locale.ROOT,
                        "reported %.1f, re-graded %.1f", s.reportedScore(), r.score())));
            }
        } catch (GradingException e) {
            p.flags.add(new Flag(Flag.Kind.GRADING_FAILED, e.getMessage()));
        } catch (RuntimeException e) {
            p.flags.add(new Flag(Flag.Kind.GRADING_FAILED, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse(""))));
        }
        return p;
    }

    private static void markDuplicates(List<Partial> ps) {
        Map<String, List<Partial>> byAttempt = new LinkedHashMap<>();
        for (Partial p : ps) {
            if (p.read != null) {
                Submission s = p.read.submission();
                byAttempt.computeIfAbsent(s.student().key() + "|" + s.exerciseId() + "|" + s.attempt(),
                        k -> new ArrayList<>()).add(p);
            }
        }
        for (List<Partial> g : byAttempt.values()) {
            if (g.size() > 1) {
                for (Partial p : g) {
                    List<String> others = g.stream().filter(o -> o != p).map(o -> o.file.getFileName().toString())
                            .toList();
                    p.flags.add(new Flag(Flag.Kind.DUPLICATE_ATTEMPT, "also in " + String.join(", ", others)));
                }
            }
        }
    }

    private void markIdenticalMixes(List<Partial> ps) {
        Map<String, List<Partial>> bySettings = new LinkedHashMap<>();
        for (Partial p : ps) {
            if (p.read != null) {
                bySettings.computeIfAbsent(p.read.submission().exerciseId() + "|" + p.read.settingsHash(),
                        k -> new ArrayList<>()).add(p);
            }
        }
        for (List<Partial> g : bySettings.values()) {
            Submission first = g.get(0).read.submission();
            if (catalog.startSettingsHash(first.exerciseId()).filter(h -> h.equals(g.get(0).read.settingsHash()))
                    .isPresent()) {
                continue; // the untouched start session: alike by nature, not copied
            }
            for (Partial p : g) {
                String me = p.read.submission().student().key();
                TreeSet<String> others = new TreeSet<>();
                for (Partial o : g) {
                    StudentProfile st = o.read.submission().student();
                    if (!st.key().equals(me)) {
                        others.add(st.name() + " (" + st.studentId() + ")");
                    }
                }
                if (!others.isEmpty()) {
                    p.flags.add(new Flag(Flag.Kind.IDENTICAL_MIX, "same settings as " + String.join(", ", others)));
                }
            }
        }
    }

    private GradebookReport summarise(List<GradedSubmission> subs, int ignored, long elapsedMs) {
        Map<String, StudentProfile> students = new LinkedHashMap<>();
        Map<String, java.time.Instant> latest = new LinkedHashMap<>();
        Map<String, Map<String, Double>> best = new LinkedHashMap<>();
        Map<String, List<String>> flags = new LinkedHashMap<>();
        TreeMap<String, ExerciseInfo> exercises = new TreeMap<>();
        for (GradedSubmission g : subs) {
            Submission s = g.submission();
            if (s == null) {
                continue;
            }
            String key = s.student().key();
            if (!latest.containsKey(key) || s.submittedAt().isAfter(latest.get(key))) {
                latest.put(key, s.submittedAt());
                students.put(key, s.student());
            }
            best.computeIfAbsent(key, k -> new TreeMap<>());
            flags.computeIfAbsent(key, k -> new ArrayList<>());
            if (g.regraded() != null) {
                best.get(key).merge(s.exerciseId(), g.regraded(), Math::max);
                catalog.find(s.exerciseId()).ifPresent(i -> exercises.put(i.id(), i));
            }
            for (Flag f : g.flags()) {
                flags.get(key).add(s.exerciseId() + " #" + s.attempt() + ": " + f);
            }
        }
        List<String> unassigned = new ArrayList<>();
        for (GradedSubmission g : subs) {
            if (g.submission() != null) {
                continue;
            }
            String detail = g.flags().isEmpty() ? "unreadable" : g.flags().get(0).detail();
            Matcher m = NAME.matcher(g.file().getFileName().toString());
            if (m.matches() && students.containsKey(m.group(2))) {
                flags.get(m.group(2)).add(m.group(1) + " #" + m.group(3) + ": " + Flag.Kind.UNREADABLE.label()
                        + " (" + detail + ")");
            } else {
                unassigned.add(detail);
            }
        }
        List<GradebookReport.StudentRow> rows = new ArrayList<>();
        for (var e : students.entrySet()) {
            rows.add(new GradebookReport.StudentRow(e.getValue(), Map.copyOf(best.get(e.getKey())),
                    List.copyOf(flags.get(e.getKey()))));
        }
        rows.sort(Comparator.comparing((GradebookReport.StudentRow r) -> r.student().classCode())
                .thenComparing(r -> r.student().name().toLowerCase(Locale.ROOT))
                .thenComparing(r -> r.student().studentId()));
        return new GradebookReport(List.copyOf(subs), List.copyOf(exercises.values()), List.copyOf(rows),
                List.copyOf(unassigned), ignored, elapsedMs);
    }
}
