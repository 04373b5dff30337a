package app.domus.faults.reporting;

import static app.domus.shared.testing.DirectoryWorld.assertProblem;
import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.fieldErrors;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.faults.FaultHistoryItem;
import app.domus.faults.FaultItem;
import app.domus.faults.FaultsFixture;
import app.domus.shared.testing.Images;
import app.domus.faults.PresignedHttp;
import app.domus.faults.S3Double;
import app.domus.faults.photos.PhotoInput;
import app.domus.faults.photos.PhotoIntake;
import app.domus.faults.uploads.CreateUploadRequest;
import app.domus.shared.uploads.UploadItem;
import app.domus.faults.uploads.UploadView;
import app.domus.shared.testing.HttpEvents;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;

class ReportFaultHandlerTest {
    private final FaultsFixture f = new FaultsFixture();
    private final ReportFaultHandler handler = new ReportFaultHandler(f.faultAccess, f.reporting);

    private static HttpEvents post(String body) {
        return HttpEvents.request("POST", "/faults").body(body);
    }

    private String body(String unitId, String photos) {
        return "{\"title\":\"Leaking pipe\",\"description\":\"Water drips from the pipe under the sink\",\"category\":\"plumbing\","
                + "\"buildingId\":\"" + f.buildingA1.getId() + "\"" + (unitId == null ? "" : ",\"unitId\":\"" + unitId + "\"")
                + (photos == null ? "" : ",\"photos\":" + photos) + "}";
    }

    private static String inline(byte[] bytes) {
        return "{\"contentBase64\":\"" + Images.base64(bytes) + "\"}";
    }

    private static String uploaded(String uploadId) {
        return "{\"uploadId\":\"" + uploadId + "\"}";
    }

    /** An upload made and sent as a client would: POST /uploads, then PUT to the presigned URL. */
    private String upload(String owner, byte[] bytes, String declaredType) {
        UploadView upload = f.uploads.create(owner, new CreateUploadRequest(declaredType, (long) bytes.length));
        assertThat(PresignedHttp.put(upload, bytes, declaredType)).isEqualTo(200);
        return upload.uploadId();
    }

    private String uploadNeverSent(String owner) {
        return f.uploads.create(owner, new CreateUploadRequest("image/png", 100L)).uploadId();
    }

    // ---------------------------------------------------------------- reporting

    @Test
    void aResidentReportsAFaultWithAnInlinePhoto() {
        byte[] png = Images.png();
        var response = call(handler, post(body(f.unitA12.getId(), "[" + inline(png) + "]")).as(f.tenant));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        String id = json(response).path("faultId").asText();
        assertThat(response.getHeaders()).containsEntry("Location", "/faults/" + id).containsEntry("ETag", "\"1\"");
        FaultItem fault = f.stored(id);
        assertThat(List.of(fault.getStatus(), fault.getCategory(), fault.getReportedBy(), fault.getBuildingId(), fault.getUnitId()))
                .containsExactly("NEW", "PLUMBING", f.tenant, f.buildingA1.getId(), f.unitA12.getId());
        assertThat(fault.getGsi1pk()).isEqualTo(FaultItem.byBuilding(f.buildingA1.getId()));
        assertThat(fault.getGsi1sk()).isEqualTo("NEW#" + id);
        assertThat(fault.getGsi2pk()).isNull();
        assertThat(fault.getPhotoKeys()).containsExactly("faults/" + id + "/1.png");
        var object = S3Double.object(f.bucket, "faults/" + id + "/1.png");
        assertThat(object.asByteArray()).isEqualTo(png);
        assertThat(object.response().contentType()).isEqualTo("image/png");
        assertThat(f.store.history(id)).singleElement().satisfies(h -> {
            assertThat(h.getAction()).isEqualTo(FaultHistoryItem.REPORTED);
            assertThat(h.getBy()).isEqualTo(f.tenant);
            assertThat(h.getToStatus()).isEqualTo("NEW");
            assertThat(h.getAt()).isEqualTo(f.clock.instant().toString());
        });
        assertThat(f.events.ofType("FaultReported")).singleElement().satisfies(e -> {
            assertThat(e.organisationId()).isEqualTo(f.orgA);
            assertThat(e.payload().path("faultId").asText()).isEqualTo(id);
            assertThat(e.payload().path("category").asText()).isEqualTo("plumbing");
            assertThat(e.payload().path("photoCount").asInt()).isEqualTo(1);
        });
    }

    @Test
    void photosSentThroughPresignedUrlsBecomeTheFaultsAndTheirUploadsAreUsedUp() {
        byte[] jpeg = Images.jpeg();
        byte[] webp = Images.webp();
        String first = upload(f.owner, jpeg, "image/jpeg");
        String second = upload(f.owner, webp, "image/webp");

        var response = call(handler, post(body(null, "[" + uploaded(first) + "," + inline(Images.png()) + "," + uploaded(second) + "]"))
                .as(f.owner));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        String id = json(response).path("faultId").asText();
        assertThat(f.stored(id).getPhotoKeys()).containsExactly(
                "faults/" + id + "/1.jpg", "faults/" + id + "/2.png", "faults/" + id + "/3.webp");
        assertThat(S3Double.object(f.bucket, "faults/" + id + "/1.jpg").asByteArray()).isEqualTo(jpeg);
        assertThat(S3Double.object(f.bucket, "faults/" + id + "/3.webp").response().contentType()).isEqualTo("image/webp");
        assertThat(f.objects()).as("the uploaded originals are removed").allMatch(k -> k.startsWith("faults/" + id + "/"));
        assertThat(f.uploads.find(first).orElseThrow()).satisfies(u -> {
            assertThat(u.getStatus()).isEqualTo(UploadItem.USED);
            assertThat(u.getFaultId()).isEqualTo(id);
        });

        var again = call(handler, post(body(null, "[" + uploaded(first) + "]")).as(f.owner));
        assertThat(fieldErrors(assertProblem(again, 400, "validation-error"))).containsExactly("photos.0.uploadId");
    }

    @Test
    void thePhotoIsJudgedByItsBytesNotByWhatTheClientCallsIt() {
        String gifCalledJpeg = upload(f.owner, Images.gif(), "image/jpeg");
        int items = f.itemCount();

        var problem = f.assertRefusedUnchanged(handler, post(body(null, "[" + uploaded(gifCalledJpeg) + "]")).as(f.owner),
                400, "validation-error");

        assertThat(problem.path("errors").get(0).path("message").asText()).contains("JPEG, PNG or WebP");
        assertThat(f.itemCount()).isEqualTo(items);
        assertThat(f.uploads.find(gifCalledJpeg).orElseThrow().getStatus()).isEqualTo(UploadItem.PENDING);
    }

    @Test
    void everyPhotoIsCheckedBeforeAnythingIsStoredAndEveryProblemIsReported() {
        String good = upload(f.owner, Images.jpeg(), "image/jpeg");
        String neverSent = uploadNeverSent(f.owner);
        String someoneElses = upload(f.tenant, Images.png(), "image/png");
        String photos = "[" + inline(Images.png()) + "," + uploaded(good) + "," + inline(Images.pdf()) + ","
                + uploaded(neverSent) + "," + uploaded(someoneElses) + ",{\"contentBase64\":\"not base64!\"}]";

        var problem = f.assertRefusedUnchanged(handler, post(body(null, photos)).as(f.owner), 400, "validation-error");

        assertThat(fieldErrors(problem)).containsExactly("photos.2.contentBase64", "photos.3.uploadId", "photos.4.uploadId",
                "photos.5.contentBase64");
        assertThat(f.objects()).noneMatch(k -> k.startsWith("faults/"));
    }

    @Test
    void anUploadThatWasNeverSentBeforeItsUrlExpiredSaysSo() {
        String neverSent = uploadNeverSent(f.owner);
        f.clock.advance(Duration.ofMinutes(16));

        var problem = assertProblem(call(handler, post(body(null, "[" + uploaded(neverSent) + "]")).as(f.owner)), 400, "validation-error");

        assertThat(problem.path("errors").get(0).path("message").asText()).contains("expired");
    }

    @Test
    void anUploadedPhotoOverTenMegabytesIsRefused() {
        String uploadId = f.uploads.create(f.owner, new CreateUploadRequest("image/jpeg", 1000L)).uploadId();
        // Put past the presigned URL (which would refuse another length), as only a bucket writer could.
        S3Double.client().putObject(b -> b.bucket(f.bucket).key(UploadItem.objectKey(f.owner, uploadId)),
                RequestBody.fromBytes(Images.jpegOfSize(10 * 1024 * 1024 + 1)));

        var problem = f.assertRefusedUnchanged(handler, post(body(null, "[" + uploaded(uploadId) + "]")).as(f.owner),
                400, "validation-error");

        assertThat(problem.path("errors").get(0).path("message").asText()).contains("10 MB");
    }

    @Test
    void aRequestBeyondLambdasPayloadLimitIsRefused() {
        String photo = inline(Images.jpegOfSize(5 * 1024 * 1024));
        f.assertRefusedUnchanged(handler, post(body(null, "[" + photo + "]")).as(f.owner), 413, "payload-too-large");
    }

    @Test
    void inlinePhotosMayFillARequestOfSeveralMegabytes() {
        // Each inline photo stays within the platform's longest JSON string (1,000,000 characters of base64).
        String photo = inline(Images.jpegOfSize(700 * 1024));
        var response = call(handler, post(body(null, "[" + String.join(",", Collections.nCopies(6, photo)) + "]")).as(f.owner));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(f.stored(json(response).path("faultId").asText()).getPhotoKeys()).hasSize(6);
    }

    /** Report A checks an upload; report B takes it before A copies it, or after A copied it but before A's write. */
    private void raceForOneUpload(boolean afterCopying) {
        String uploadId = upload(f.owner, Images.jpeg(), "image/jpeg");
        String body = body(null, "[" + uploaded(uploadId) + "]");
        String[] winner = new String[1];
        Runnable otherReport = () -> {
            if (winner[0] != null) return;
            winner[0] = "running";
            winner[0] = json(call(handler, post(body).as(f.owner))).path("faultId").asText();
        };
        PhotoIntake racing = new PhotoIntake(f.uploads, f.photos, f.clock) {
            @Override
            public List<Checked> check(String ownerId, List<PhotoInput> photos) {
                List<Checked> checked = super.check(ownerId, photos);
                if (!afterCopying) otherReport.run();
                return checked;
            }

            @Override
            public List<String> store(String faultId, List<Checked> photos) {
                List<String> keys = super.store(faultId, photos);
                if (afterCopying) otherReport.run();
                return keys;
            }
        };
        var loser = new ReportFaultHandler(f.faultAccess, new ReportingService(f.store, racing, f.clock));

        assertProblem(call(loser, post(body).as(f.owner)), 409, "conflict");

        assertThat(f.objects()).containsExactly("faults/" + winner[0] + "/1.jpg");
        assertThat(f.events.ofType("FaultReported")).singleElement()
                .satisfies(e -> assertThat(e.payload().path("faultId").asText()).isEqualTo(winner[0]));
        assertThat(f.uploads.find(uploadId).orElseThrow().getFaultId()).isEqualTo(winner[0]);
    }

    @Test
    void anUploadTakenByAnotherReportBeforeItWasCopiedIsA409AndLeavesNothingBehind() {
        raceForOneUpload(false);
    }

    @Test
    void anUploadTakenByAnotherReportAfterItWasCopiedIsA409AndLeavesNothingBehind() {
        raceForOneUpload(true);
    }

    // ---------------------------------------------------------------- who may report

    @Test
    void staffOwnersAndDelegatesMayReport() {
        assertThat(call(handler, post(body(null, null)).as(f.manager)).getStatusCode()).isEqualTo(201);
        assertThat(call(handler, post(body(f.unitA11.getId(), null)).as(f.admin)).getStatusCode()).isEqualTo(201);
        assertThat(call(handler, post(body(f.unitA11.getId(), null)).as(f.owner)).getStatusCode()).isEqualTo(201);
        var byDelegate = call(handler, post(body(f.unitA11.getId(), null)).as(f.delegate));
        assertThat(byDelegate.getStatusCode()).as(byDelegate.getBody()).isEqualTo(201);
        assertThat(f.stored(json(byDelegate).path("faultId").asText()).getReportedBy()).isEqualTo(f.delegate);
    }

    @Test
    void othersMayNotReport() {
        f.assertRefusedUnchanged(handler, post(body(null, null)).as(f.plumber), 403, "forbidden");
        f.assertRefusedUnchanged(handler, post(body(null, null)).as(f.managerOfA2), 403, "forbidden");
        f.assertRefusedUnchanged(handler, post(body(f.unitA11.getId(), null)).as(f.tenant), 403, "forbidden");
        f.assertRefusedUnchanged(handler, post(body(null, null)).as(f.delegate), 404, "not-found");
        f.assertRefusedUnchanged(handler, post(body(f.unitA12.getId(), null)).as(f.delegate), 404, "not-found");
        f.assertRefusedUnchanged(handler, post(body(null, null)).as(f.outsider), 404, "not-found");
        f.assertRefusedUnchanged(handler, post(body(f.unitA11.getId(), null)).as(f.outsider), 404, "not-found");
        f.assertRefusedUnchanged(handler, post(body(null, null)), 401, "unauthorized");
    }

    @Test
    void aUnitOfAnotherBuildingIsNotFound() {
        f.assertRefusedUnchanged(handler, post(body(f.unitA21.getId(), null)).as(f.manager), 404, "not-found");
        f.assertRefusedUnchanged(handler, post(body("NO-SUCH-UNIT", null)).as(f.admin), 404, "not-found");
    }

    static Stream<Arguments> badBodies() {
        String ok = "\"description\":\"Drips\",\"category\":\"plumbing\",\"buildingId\":\"B1\"";
        return Stream.of(
                Arguments.of("{\"title\":\"Leak\",", 400, "malformed-json"),
                Arguments.of("{\"title\":42," + ok + "}", 400, "validation-error"),
                Arguments.of("{" + ok + "}", 400, "validation-error"),
                Arguments.of("{\"title\":\"Leak\",\"description\":\"Drips\",\"category\":\"plumbing\"}", 400, "validation-error"),
                Arguments.of("{\"title\":\"Leak\",\"description\":\"Drips\",\"category\":\"gardening\",\"buildingId\":\"B1\"}", 400, "validation-error"),
                Arguments.of("{\"title\":\"<img src=x onerror=alert(1)>\"," + ok + "}", 400, "validation-error"),
                Arguments.of("{\"title\":\"Leak\",\"description\":\"${jndi:ldap://x}\",\"category\":\"plumbing\",\"buildingId\":\"B1\"}", 400, "validation-error"),
                Arguments.of("{\"title\":\"Leak\"," + ok + ",\"buildingId\":\"../etc\"}", 400, "validation-error"),
                Arguments.of("{\"title\":\"Leak\"," + ok + ",\"photos\":\"a photo\"}", 400, "validation-error"),
                Arguments.of("{\"title\":\"Leak\"," + ok + ",\"photos\":[{}]}", 400, "validation-error"),
                Arguments.of("{\"title\":\"Leak\"," + ok + ",\"photos\":[null]}", 400, "validation-error"),
                Arguments.of("{\"title\":\"Leak\"," + ok + ",\"photos\":[{\"uploadId\":\"U1\",\"contentBase64\":\"AAAA\"}]}", 400, "validation-error"),
                Arguments.of("{\"title\":\"Leak\"," + ok + ",\"photos\":[" + "{\"uploadId\":\"U1\"},".repeat(10) + "{\"uploadId\":\"U1\"}]}", 400, "validation-error"),
                Arguments.of("{\"title\":\"Leak\",\"description\":\"" + "a".repeat(4001) + "\",\"category\":\"plumbing\",\"buildingId\":\"B1\"}", 400, "validation-error"));
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void badBodiesAreRefusedAndStoreNothing(String body, int status, String type) {
        f.assertRefusedUnchanged(handler, post(body.replace("\"B1\"", "\"" + f.buildingA1.getId() + "\"")).as(f.owner), status, type);
    }
}
