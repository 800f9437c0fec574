package dev.tracklight.operator;

import software.amazon.awssdk.core.exception.SdkException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code ./tracklight dlq|raw|endpoint|key|carrier-account [--port N] ...}. */
public final class OperatorMain {

    private OperatorMain() {
    }

    public static void main(String[] args) throws IOException {
        List<String> rest = new ArrayList<>(List.of(args));
        System.exit(run(rest.isEmpty() ? "help" : rest.removeFirst(), rest));
    }

    static int run(String command, List<String> args) throws IOException {
        if (!List.of("dlq", "raw", "endpoint", "key", "carrier-account").contains(command)) {
            System.err.println("usage: ./tracklight dlq|raw|endpoint|key|carrier-account [--port N] ...");
            return 2;
        }
        Operator operator;
        try {
            String port = CommandLine.option(args, "--port", null);
            operator = Operator.forCloud(Optional.ofNullable(port).map(Integer::parseInt), System.out);
        } catch (IllegalStateException | IllegalArgumentException e) {
            System.err.println("tracklight: " + e.getMessage());
            return 1;
        }
        try {
            return switch (command) {
                case "dlq" -> operator.dlq(args);
                case "raw" -> operator.raw(args);
                case "key" -> operator.key(args);
                case "carrier-account" -> operator.carrierAccount(args);
                default -> operator.endpoint(args);
            };
        } catch (SdkException e) {
            System.err.println("tracklight: cannot reach the queue or the table (is ./tracklight up running, or are the AWS"
                    + " variables set?): " + e.getMessage());
            return 1;
        }
    }
}
