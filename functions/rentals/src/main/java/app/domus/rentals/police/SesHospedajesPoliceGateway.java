package app.domus.rentals.police;

import app.domus.rentals.partners.PartnerCalls;
import app.domus.rentals.partners.PartnerException;
import app.domus.rentals.partners.PartnerHttp;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.w3c.dom.Document;

/**
 * The police registration through Spain's SES.HOSPEDAJES web service (see {@link SesMessages} for its messages): SOAP
 * 1.1 over HTTPS with HTTP Basic (the web-service user and password), an empty {@code SOAPAction}, one communication of
 * type PV per submission, so that a lot's result is the registration's. A submission is a lot ({@code lote});
 * {@link #status} asks {@code consultaLote}; a withdrawal is {@code anulacionLote} while the lot is in process and a
 * {@code comunicacion} with {@code tipoOperacion} B naming the {@code codigoComunicacion} once it was registered.
 *
 * <p>Errors: HTTP 401/403 are {@link PartnerException.Refused} (the credentials); a SOAP fault of the client kind or an
 * answer whose {@code codigo} is not 0 to a {@code comunicacion} is {@link PartnerException.Invalid} with the portal's
 * description (the request's form: fix it); 5xx, a server fault, a timeout or an answer that cannot be read are
 * {@link PartnerException.Unavailable}. Every call goes through {@link PartnerCalls}. The portal takes no idempotency
 * key: a submission retried after a timeout may register the guests twice, which a withdrawal of the extra one undoes
 * (a missing registration is the worse failure).
 */
public class SesHospedajesPoliceGateway implements PoliceGateway {
    public static final String PARTNER = "police-portal";
    static final String APPLICATION = "Domus";

    private final String endpoint;
    private final Supplier<SesCredentials> credentials;
    private final PartnerCalls calls;
    private final PartnerHttp http;

    public SesHospedajesPoliceGateway(String baseUrl, Supplier<SesCredentials> credentials) {
        this(baseUrl, credentials, PartnerCalls.Settings.defaults());
    }

    public SesHospedajesPoliceGateway(String baseUrl, Supplier<SesCredentials> credentials, PartnerCalls.Settings settings) {
        this.endpoint = baseUrl.replaceAll("/+$", "") + SesMessages.PATH;
        this.credentials = credentials;
        this.calls = new PartnerCalls(PARTNER, settings);
        this.http = new PartnerHttp(PARTNER, settings);
    }

    public PartnerCalls calls() {
        return calls;
    }

    @Override
    public SubmissionStatus submit(GuestRegistration registration) {
        String solicitud = SesMessages.guestsRequest(registration);
        return calls.call(() -> {
            SesMessages.Answer answer = communicate(SesMessages.NEW, solicitud);
            return SubmissionStatus.submitted(answer.lot());
        });
    }

    @Override
    public SubmissionStatus status(String submissionId) {
        return calls.call(() -> {
            Document document = post(SesMessages.lotQueryEnvelope(List.of(submissionId)));
            SesMessages.Answer answer = answer(document);
            if (!answer.ok()) throw new PartnerException.Refused(PARTNER, String.valueOf(answer.code()), "lot " + submissionId + ": " + answer.description());
            return lotStatus(submissionId, read(() -> SesMessages.lotResults(document)));
        });
    }

    @Override
    public SubmissionStatus resubmit(String previousSubmissionId, GuestRegistration corrected) {
        SubmissionStatus previous = status(previousSubmissionId);
        if (previous.state() == SubmissionStatus.State.ACCEPTED || previous.state() == SubmissionStatus.State.SUBMITTED) {
            withdraw(previousSubmissionId);
        }
        return submit(corrected);
    }

    @Override
    public SubmissionStatus withdraw(String submissionId) {
        SubmissionStatus current = status(submissionId);
        switch (current.state()) {
            case SUBMITTED -> {
                SesMessages.Answer answer = calls.call(() -> answer(post(SesMessages.lotCancellationEnvelope(submissionId))));
                if (answer.ok()) return SubmissionStatus.withdrawn(submissionId);
                // Processed between the two calls: withdraw what it became.
                SubmissionStatus now = status(submissionId);
                if (now.state() == SubmissionStatus.State.SUBMITTED) {
                    throw new PartnerException.Refused(PARTNER, String.valueOf(answer.code()), "cancelling lot " + submissionId + ": " + answer.description());
                }
                return now.state() == SubmissionStatus.State.ACCEPTED ? cancel(now.communicationCode()) : now;
            }
            case ACCEPTED -> {
                return cancel(current.communicationCode());
            }
            default -> {
                return current;
            }
        }
    }

    /** A cancellation of a registered communication: a lot of its own. */
    private SubmissionStatus cancel(String communicationCode) {
        String solicitud = SesMessages.cancellationRequest(List.of(communicationCode));
        return calls.call(() -> SubmissionStatus.submitted(communicate(SesMessages.CANCEL, solicitud).lot()));
    }

    /** A lot's state as a submission's: 1 accepted, 4 and 5 in process, 2, 3 and 6 rejected with the first error. */
    static SubmissionStatus lotStatus(String lot, List<SesMessages.LotResult> results) {
        SesMessages.LotResult result = results.stream().filter(r -> lot.equals(r.lot())).findFirst()
                .orElseThrow(() -> new PartnerException.Unavailable(PARTNER, "the answer has no result for lot " + lot, null));
        return switch (result.stateCode()) {
            case 4, 5 -> SubmissionStatus.submitted(lot);
            case 1 -> result.communications().stream().filter(c -> c.code() != null).findFirst()
                    .map(c -> SubmissionStatus.accepted(lot, c.code()))
                    .orElseThrow(() -> new PartnerException.Unavailable(PARTNER, "lot " + lot + " processed without a communication code", null));
            case 2, 3, 6 -> SubmissionStatus.rejected(lot, result.communications().stream().filter(c -> c.error() != null).findFirst()
                    .map(c -> (c.errorType() == null ? "" : c.errorType() + ": ") + c.error())
                    .orElse(result.stateDescription() == null ? "rejected (state " + result.stateCode() + ")" : result.stateDescription()));
            default -> throw new PartnerException.Unavailable(PARTNER, "lot " + lot + " in an unknown state " + result.stateCode(), null);
        };
    }

    private SesMessages.Answer communicate(String operation, String solicitud) {
        SesCredentials sender = credentials.get();
        SesMessages.Answer answer = answer(post(SesMessages.communicationEnvelope(sender.landlordCode(), APPLICATION, operation, SesMessages.GUESTS, solicitud)));
        if (!answer.ok()) throw new PartnerException.Invalid(PARTNER, answer.description() + " (" + answer.code() + ")");
        if (answer.lot() == null) throw new PartnerException.Unavailable(PARTNER, "the portal took the communication without naming its lot", null);
        return answer;
    }

    private Document post(String envelope) {
        SesCredentials sender = credentials.get();
        String basic = Base64.getEncoder().encodeToString((sender.user() + ":" + sender.password()).getBytes(StandardCharsets.UTF_8));
        PartnerHttp.Answer answer = http.send(http.request(endpoint)
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"\"")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8))
                .build());
        if (answer.status() == 401 || answer.status() == 403) {
            throw new PartnerException.Refused(PARTNER, String.valueOf(answer.status()), "the portal refused the web-service credentials");
        }
        Document document = read(() -> SesMessages.parse(answer.body()));
        String fault = SesMessages.text(document.getDocumentElement(), "faultstring");
        if (fault != null || answer.status() >= 400) {
            String faultCode = String.valueOf(SesMessages.text(document.getDocumentElement(), "faultcode"));
            // The fault's code says whose it is (SOAP 1.1 Client/Server, 1.2 Sender/Receiver), whatever HTTP status carries
            // it: a portal that reports its own outage with a 200 is failing, not refusing the registration.
            boolean serverFault = faultCode.endsWith("Server") || faultCode.endsWith("Receiver");
            boolean clientFault = faultCode.endsWith("Client") || faultCode.endsWith("Sender");
            if (clientFault || !serverFault && answer.status() < 500) {
                throw new PartnerException.Invalid(PARTNER, fault == null ? "HTTP " + answer.status() : fault);
            }
            throw new PartnerException.Unavailable(PARTNER, "the portal failed (HTTP " + answer.status() + "): " + fault, null);
        }
        return document;
    }

    private static SesMessages.Answer answer(Document document) {
        return read(() -> SesMessages.answer(document));
    }

    /** An answer we cannot read is the portal failing: retried like a 5xx. */
    private static <T> T read(Supplier<T> reading) {
        try {
            return reading.get();
        } catch (IllegalArgumentException e) {
            throw new PartnerException.Unavailable(PARTNER, "the portal's answer could not be read: " + e.getMessage(), e);
        }
    }
}
