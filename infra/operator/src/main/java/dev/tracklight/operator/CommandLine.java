package dev.tracklight.operator;

import java.util.List;

/** {@code --name value} options taken out of a command's arguments, leaving the rest in order. */
public final class CommandLine {

    private CommandLine() {
    }

    /** The value after {@code name}, removed with it from {@code args}; {@code fallback} when absent. */
    public static String option(List<String> args, String name, String fallback) {
        int at = args.indexOf(name);
        if (at < 0) {
            return fallback;
        }
        if (at + 1 >= args.size()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        args.remove(at);
        return args.remove(at);
    }

    public static int intOption(List<String> args, String name, int fallback) {
        String value = option(args, name, null);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
        }
    }
}
