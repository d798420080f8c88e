package no.tolk.publish.social;

/** The service says this exact post already exists (X answers 403 to duplicate text). */
public class DuplicatePostException extends PostRejectedException {

    public DuplicatePostException(String channel, int status, String serviceMessage) {
        super(channel, status, serviceMessage, false);
    }
}
