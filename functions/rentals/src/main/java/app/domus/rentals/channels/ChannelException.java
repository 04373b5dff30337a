package app.domus.rentals.channels;

/** A channel did not answer, answered an error, or answered something that is not what its protocol says. */
public class ChannelException extends RuntimeException {
    public ChannelException(String message) {
        super(message);
    }

    public ChannelException(String message, Throwable cause) {
        super(message, cause);
    }
}
