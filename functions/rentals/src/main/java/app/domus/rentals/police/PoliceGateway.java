package app.domus.rentals.police;

import app.domus.rentals.partners.PartnerException;

/**
 * The police's guest-registration portal as the rentals context uses it. Acceptance is asynchronous: {@link #submit}
 * answers {@link SubmissionStatus.State#SUBMITTED} with the portal's id for the submission, and {@link #status} tells
 * later whether it was {@code ACCEPTED} (with the communication's code) or {@code REJECTED} (with the portal's reason).
 * Errors are {@link PartnerException}s: {@code Unavailable} (retry later), {@code Refused} (our credentials, an unknown
 * submission), {@code Invalid} (the portal refused the request's form at once: fix it, do not retry as is).
 */
public interface PoliceGateway {

    /** Sends the registration of one stay's guests. */
    SubmissionStatus submit(GuestRegistration registration);

    /** Where the submission stands now (one call to the portal: the caller polls, e.g. from a schedule or a delayed message). */
    SubmissionStatus status(String submissionId);

    /**
     * Sends {@code corrected} in place of the earlier submission: the portal has no modification, so an earlier one that
     * was accepted is withdrawn first, one still in process is cancelled, and a rejected one is simply replaced.
     * Answers the new submission's status.
     */
    SubmissionStatus resubmit(String previousSubmissionId, GuestRegistration corrected);

    /**
     * Withdraws what was sent (the stay was cancelled). A submission still in process is cancelled at once
     * ({@code WITHDRAWN}); an accepted one is withdrawn by a cancellation the portal processes like a submission: the
     * answer is that cancellation's status ({@code SUBMITTED}, with its own id), to poll with {@link #status} until it
     * is {@code ACCEPTED}. A rejected submission registered nothing: its status comes back unchanged.
     */
    SubmissionStatus withdraw(String submissionId);
}
