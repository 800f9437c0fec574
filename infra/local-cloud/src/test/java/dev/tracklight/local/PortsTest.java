package dev.tracklight.local;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A reserved port stays taken until the server that asked for it is about to bind it. */
class PortsTest {

    @Test
    void aReservedPortCannotBeTakenUntilItIsReleased() throws IOException {
        // GIVEN a reservation
        Ports.Reservation reservation = Ports.reserve(0);
        int port = reservation.port();

        // WHEN another server tries the port THEN it is refused
        assertThatThrownBy(() -> bind(port).close()).isInstanceOf(IOException.class);

        // WHEN the reservation is released THEN the port binds
        reservation.close();
        try (ServerSocket server = bind(port)) {
            assertThat(server.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void aRequestedPortIsPassedThroughWithoutBeingHeld() throws IOException {
        int requested = Ports.freeOr(0);
        try (Ports.Reservation reservation = Ports.reserve(requested); ServerSocket server = bind(requested)) {
            assertThat(reservation.port()).isEqualTo(requested);
            assertThat(server.isBound()).isTrue();
        }
    }

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }
}
