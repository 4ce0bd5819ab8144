package se.medborgarloften.localstack;

/** The polling interval of every wait of the launcher. */
final class Pause {

    private static final long MILLIS = 250;

    private Pause() {}

    static void briefly() {
        try {
            Thread.sleep(MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("Interrupted while starting");
        }
    }
}
