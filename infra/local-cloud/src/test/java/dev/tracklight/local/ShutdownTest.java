package dev.tracklight.local;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Stopping the local cloud leaves no process, no listening port and no thread of its own behind. */
class ShutdownTest {

    @Test
    void closingTheCloudStopsEverythingItStarted() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        Set<ProcessHandle> childrenBefore = ProcessHandle.current().children().collect(Collectors.toSet());

        LocalCloud cloud = LocalCloud.start(LocalCloud.Options.defaults(SharedCloud.template()));
        int port = cloud.httpEndpoint().getPort();
        Set<ProcessHandle> started = ProcessHandle.current().children().filter(p -> !childrenBefore.contains(p)).collect(Collectors.toSet());
        assertThat(started).as("DynamoDB Local runs as a child process").isNotEmpty();
        cloud.close();

        assertThat(started).noneMatch(ProcessHandle::isAlive);
        assertThat(listening(port)).isFalse();
        Set<Thread> left = Set.of();
        for (int wait = 0; wait < 100; wait++) {
            left = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> !before.contains(thread) && thread.isAlive() && !thread.isDaemon())
                    .collect(Collectors.toSet());
            if (left.isEmpty()) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(left).extracting(Thread::getName).isEmpty();
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (java.io.IOException refused) {
            return false;
        }
    }
}
