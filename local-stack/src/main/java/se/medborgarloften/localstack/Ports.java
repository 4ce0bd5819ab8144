package se.medborgarloften.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Every process of the stack listens on 127.0.0.1 only. */
final class Ports {

    static final String HOST = "127.0.0.1";

    private Ports() {}

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(HOST, port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** A port nobody listens on now, for a process started next. */
    static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new StartupException("No free port on " + HOST + ": " + e.getMessage());
        }
    }

    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }
}
