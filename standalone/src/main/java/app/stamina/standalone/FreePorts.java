package app.stamina.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Free loopback ports for servers that bind them a little later. A port found free and let go is free for anyone: the
 * next bind to port 0 can be given it again. So ports that are wanted together are found together (all sockets open
 * at once, so they differ), and apart from the ports already promised to another server that has not bound them yet.
 */
final class FreePorts {

    private FreePorts() {
    }

    /** {@code count} distinct ports, free now, none of them in {@code promised}. */
    static int[] otherThan(Set<Integer> promised, int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            while (held.size() < count) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                if (promised.contains(socket.getLocalPort())) {
                    socket.close();
                } else {
                    held.add(socket);
                }
            }
            return held.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not find a free port", e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // Closing a listening socket that never accepted does not fail in a way that matters here.
                }
            }
        }
    }

    /** One port, free now. */
    static int any() {
        return otherThan(Set.of(), 1)[0];
    }
}
