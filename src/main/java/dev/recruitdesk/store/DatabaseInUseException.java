package dev.recruitdesk.store;

/** Another process already owns the embedded database of this data folder. */
public class DatabaseInUseException extends RuntimeException {

    public DatabaseInUseException(String message) {
        super(message);
    }
}
