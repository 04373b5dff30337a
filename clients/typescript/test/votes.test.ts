import { randomUUID } from "node:crypto";
import assert from "node:assert/strict";
import { test } from "node:test";
import { RealtimeConnection } from "../src/index.js";
import { account, id, signedInAs, webSocketUrl, withDemoToken } from "./localCloud.js";

test("a manager opens a vote, an owner casts a ballot, and a follower sees the tally live over the WebSocket API", async () => {
  const manager = await signedInAs("manager");
  const created = await manager.POST("/votes", {
    params: { header: { "Idempotency-Key": randomUUID() } },
    body: {
      buildingId: await id("buildingId"),
      title: "Plant a tree in the courtyard",
      description: "Asked by the TypeScript client's tests",
      options: [{ label: "Yes" }, { label: "No" }],
      settings: { weighting: "share", quorum: "1/2", allowBallotChanges: false, secret: false },
      endDate: new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d{3}Z$/, "Z"),
    },
  });
  assert.equal(created.response.status, 201, JSON.stringify(created.error));
  assert.ok(created.data);
  const voteId = created.data.voteId;
  const yes = created.data.options[0]!.id;

  const live = await RealtimeConnection.open(webSocketUrl, (await account("tenant")).bearerToken);
  try {
    await live.subscribe(`vote:${voteId}`);
    const owner = await withDemoToken("owner");
    const ballot = await owner.POST("/votes/{voteId}/ballots", {
      params: { path: { voteId } },
      body: { optionId: yes, unitId: await id("unit.1A") },
    });
    assert.equal(ballot.response.status, 201, JSON.stringify(ballot.error));

    const tally = await live.tally(voteId, (t) => t.participation.ballots >= 1);
    assert.equal(tally.participation.ballots, 1);
    const yesTally = tally.tallies.find((t) => t.optionId === yes);
    assert.equal(yesTally?.ballots, 1);

    const again = await owner.POST("/votes/{voteId}/ballots", {
      params: { path: { voteId } },
      body: { optionId: yes, unitId: await id("unit.1A") },
    });
    assert.equal(again.response.status, 409, "a second ballot for a unit is refused");

    const results = await owner.GET("/votes/{voteId}/results", { params: { path: { voteId } } });
    assert.equal(results.response.status, 200);
    assert.deepEqual(results.data?.tallies, tally.tallies);
  } finally {
    live.close();
  }
});
