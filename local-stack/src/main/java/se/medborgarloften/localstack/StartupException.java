package se.medborgarloften.localstack;

/** Stops the start with a message for the user; everything started so far is stopped again. */
class StartupException extends RuntimeException {

    StartupException(String message) {
        super(message);
    }
}
