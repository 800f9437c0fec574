package dev.tracklight.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free loopback ports for stand-ins that must know their port before they start. */
public final class Ports {

    private Ports() {
    }

    /** A port free now, for a server that binds it right away. */
    public static int freeOr(int requested) {
        try (Reservation reservation = reserve(requested)) {
            return reservation.port();
        }
    }

    /**
     * A port held by a listening socket until {@link Reservation#close()}, for a server that binds it only after
     * other work: while it is held, neither another server's port 0 nor an outgoing connection's ephemeral port
     * can land on it.
     */
    public static Reservation reserve(int requested) {
        if (requested > 0) {
            return new Reservation(requested, null);
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
            return new Reservation(socket.getLocalPort(), socket);
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on loopback", e);
        }
    }

    /** A held port; closing it frees the port for the server that asked for it. */
    public static final class Reservation implements AutoCloseable {
        private final int port;
        private final ServerSocket holder;

        private Reservation(int port, ServerSocket holder) {
            this.port = port;
            this.holder = holder;
        }

        public int port() {
            return port;
        }

        @Override
        public void close() {
            if (holder == null) {
                return;
            }
            try {
                holder.close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not release port " + port, e);
            }
        }
    }
}
