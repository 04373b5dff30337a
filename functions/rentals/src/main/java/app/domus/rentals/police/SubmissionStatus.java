package app.domus.rentals.police;

/**
 * A submission to the police portal as the portal last reported it.
 *
 * @param submissionId       the portal's id for the submission (SES.HOSPEDAJES: the lot, {@code lote})
 * @param communicationCode  once accepted, the portal's code for the registration ({@code codigoComunicacion}), which a withdrawal names
 * @param reason             once rejected, the portal's reason
 */
public record SubmissionStatus(String submissionId, State state, String communicationCode, String reason) {

    public enum State { SUBMITTED, ACCEPTED, REJECTED, WITHDRAWN }

    public static SubmissionStatus submitted(String submissionId) {
        return new SubmissionStatus(submissionId, State.SUBMITTED, null, null);
    }

    public static SubmissionStatus accepted(String submissionId, String communicationCode) {
        return new SubmissionStatus(submissionId, State.ACCEPTED, communicationCode, null);
    }

    public static SubmissionStatus rejected(String submissionId, String reason) {
        return new SubmissionStatus(submissionId, State.REJECTED, null, reason);
    }

    public static SubmissionStatus withdrawn(String submissionId) {
        return new SubmissionStatus(submissionId, State.WITHDRAWN, null, null);
    }
}
