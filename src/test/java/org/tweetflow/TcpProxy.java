package org.tweetflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on a loopback port to a server on another, which a test cuts (the server is gone: the listener closes
 * and every open connection drops) and restores (the same port answers again), to see what an outage does.
 */
public final class TcpProxy implements AutoCloseable {

    private final int target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;

    private TcpProxy(int target) throws IOException {
        this.target = target;
        this.listener = listen(0);
        this.port = listener.getLocalPort();
        accept(listener);
    }

    /** A relay to {@code target} on the loopback address, open at once. */
    public static TcpProxy to(int target) {
        try {
            return new TcpProxy(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** Refuses new connections and drops the open ones. */
    public void cut() throws IOException {
        listener.close();
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }

    /** Closes the relay for good: its port and every connection through it. */
    @Override
    public void close() throws IOException {
        cut();
    }

    /** Accepts connections on the same port again. */
    public void restore() throws IOException {
        listener = listen(port);
        accept(listener);
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }

    private void accept(ServerSocket on) {
        daemon(() -> {
            while (!on.isClosed()) {
                try {
                    Socket client = on.accept();
                    Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                    open.add(client);
                    open.add(server);
                    daemon(() -> relay(client, server));
                    daemon(() -> relay(server, client));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private static void relay(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException dropped) {
            // cut, or one side closed: the other side ends too
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    private static void daemon(Runnable work) {
        Thread thread = new Thread(work, "tcp-proxy");
        thread.setDaemon(true);
        thread.start();
    }
}
