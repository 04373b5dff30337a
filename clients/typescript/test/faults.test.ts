import { randomUUID } from "node:crypto";
import assert from "node:assert/strict";
import { test } from "node:test";
import { uploadPhoto } from "../src/index.js";
import { id, signedInAs } from "./localCloud.js";

/** A 1×1 PNG: the platform checks a photo by its bytes. */
const PNG = Uint8Array.from(Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64"));

test("an owner signs in and reports a fault with a photo sent through a presigned upload", async () => {
  const owner = await signedInAs("owner");
  const me = await owner.GET("/auth/me");
  assert.equal(me.response.status, 200, JSON.stringify(me.error));

  const uploadId = await uploadPhoto(owner, "image/png", PNG);
  const reported = await owner.POST("/faults", {
    params: { header: { "Idempotency-Key": randomUUID() } },
    body: {
      title: "Dripping tap in the kitchen",
      description: "The kitchen tap drips all night",
      category: "plumbing",
      buildingId: await id("buildingId"),
      unitId: await id("unit.1A"),
      photos: [{ uploadId }],
    },
  });
  assert.equal(reported.response.status, 201, JSON.stringify(reported.error));
  assert.ok(reported.data);

  const read = await owner.GET("/faults/{faultId}", { params: { path: { faultId: reported.data.faultId } } });
  assert.equal(read.response.status, 200, JSON.stringify(read.error));
  assert.equal(read.data?.title, "Dripping tap in the kitchen");
  assert.equal(read.data?.photoCount, 1);
  assert.equal(read.data?.reportedBy, me.data?.userId);
});

test("a fault without its required fields is refused with a problem document", async () => {
  const owner = await signedInAs("owner");
  // The compiler refuses a body without the required fields; the server must refuse it too.
  const refused = await owner.POST("/faults", { body: { title: "x" } as never });
  assert.equal(refused.response.status, 400);
  assert.match(refused.response.headers.get("content-type") ?? "", /application\/problem\+json/);
});

// Checked by `tsc`, never run: the generated types refuse a field the document does not have. Were the types loose,
// the unused @ts-expect-error would fail the build.
export async function typesRefuseWrongFields(): Promise<void> {
  const owner = await signedInAs("owner");
  // @ts-expect-error: POST /faults has no field "name" and needs title, description, category and buildingId
  await owner.POST("/faults", { body: { name: "leak" } });
  // @ts-expect-error: "flood" is not one of the fault categories
  await owner.POST("/faults", { body: { title: "t", description: "d", category: "flood", buildingId: "b" } });
  const fault = await owner.GET("/faults/{faultId}", { params: { path: { faultId: "f" } } });
  // @ts-expect-error: a Fault has no "assignee", its field is assigneeId
  void fault.data?.assignee;
}
