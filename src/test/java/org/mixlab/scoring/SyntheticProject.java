package org.mixlab.scoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.mixlab.engine.io.WavWriter;

/** A tiny project in a temp folder: three 1.5 s synthetic stems and helpers to write exercises around them. */
final class SyntheticProject {
    static final double RATE = 44_100;
    static final double SECONDS = 1.5;

    final Path root;
    final Path audio;
    final Path exercises;

    SyntheticProject(Path root) throws IOException {
        this.root = root;
        this.audio = root.resolve("audio/syn");
        this.exercises = root.resolve("exercises");
        Files.createDirectories(audio);
        Files.createDirectories(exercises);
        int n = (int) (RATE * SECONDS);
        float[] kick = new float[n];
        float[] bass = new float[n];
        float[] hats = new float[n];
        float[] other = new float[n];
        Random rnd = new Random(7);
        for (int i = 0; i < n; i++) {
            double t = i / RATE;
            double beat = t % 0.5;
            kick[i] = (float) (0.8 * Math.exp(-beat * 18) * Math.sin(2 * Math.PI * (55 + 90 * Math.exp(-beat * 30)) * beat));
            bass[i] = (float) (0.35 * Math.sin(2 * Math.PI * 82.4 * t) + 0.1 * Math.sin(2 * Math.PI * 164.8 * t));
            double h = (t + 0.25) % 0.25;
            hats[i] = (float) (0.3 * Math.exp(-h * 60) * (rnd.nextDouble() * 2 - 1));
            other[i] = (float) (0.2 * Math.sin(2 * Math.PI * 440 * t));
        }
        write("kick.wav", kick);
        write("bass.wav", bass);
        write("hats.wav", hats);
        write("other.wav", other);
    }

    private void write(String name, float[] x) throws IOException {
        WavWriter.write(audio.resolve(name), new float[][] {x}, RATE, WavWriter.Format.FLOAT32, 1);
    }

    /** Session JSON with the three stems at the given faders and pans. */
    static String session(double kickDb, double bassDb, double hatsDb, double kickPan, double bassPan,
                          double hatsPan) {
        return "{\"format\":\"mixlab-session\",\"version\":1,\"title\":\"syn\",\"sampleRate\":44100,\"tracks\":["
                + track("kick", kickDb, kickPan) + "," + track("bass", bassDb, bassPan) + ","
                + track("hats", hatsDb, hatsPan) + "]}";
    }

    static String track(String id, double db, double pan) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + Character.toUpperCase(id.charAt(0)) + id.substring(1)
                + "\",\"role\":\"" + id + "\",\"file\":\"../../audio/syn/" + id + ".wav\",\"gainDb\":" + db
                + ",\"pan\":" + pan + "}";
    }

    /** Writes an exercise folder with the given exercise JSON and sessions; returns the folder. */
    Path exercise(String id, String exerciseJson, String startJson, String referenceJson) throws IOException {
        Path d = exercises.resolve(id);
        Files.createDirectories(d);
        Files.writeString(d.resolve("exercise.json"), exerciseJson);
        if (startJson != null) {
            Files.writeString(d.resolve("start.session.json"), startJson);
        }
        if (referenceJson != null) {
            Files.writeString(d.resolve("reference.session.json"), referenceJson);
        }
        return d;
    }

    /** An exercise JSON with the given criteria (JSON array text). */
    static String exerciseJson(String id, String criteria) {
        return "{\"format\":\"mixlab-exercise\",\"version\":1,\"id\":\"" + id + "\",\"title\":\"Test " + id
                + "\",\"tool\":\"balance\",\"difficulty\":1,\"brief\":\"Balance the kick, bass and hats.\","
                + "\"start\":\"start.session.json\",\"reference\":{\"session\":\"reference.session.json\"},"
                + "\"allowReferenceListening\":true,\"rubric\":{\"criteria\":" + criteria + "}}";
    }
}
