package io.impactproof.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the commands that run a gateway process share: their options, a loopback port, a process's CPU. */
public final class Harness {
    private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private Harness() {}

    /** {@code --name value} pairs, by name. */
    public static Map<String, String> options(final String[] args) {
        final Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            given.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return given;
    }

    public static String required(final Map<String, String> given, final String name) {
        final String value = given.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    /** A free port on the loopback interface (only loopback addresses in benchmarks). */
    public static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** utime + stime of a process so far, in seconds (fields 14 and 15 of /proc/<pid>/stat). */
    public static double cpuSeconds(final long pid) throws IOException {
        final String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // The command name, in parentheses, may hold spaces: the fields start after the last ')'.
        final String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }
}
