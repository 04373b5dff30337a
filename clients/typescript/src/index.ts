/**
 * The Domus client: the HTTP API typed from api/openapi.yaml (paths, parameters, bodies and answers are checked by
 * the compiler) and the WebSocket API's messages, which the OpenAPI document does not describe.
 */
import { randomUUID } from "node:crypto";
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { components, operations, paths } from "./generated/api.js";

export type { components, operations, paths };
export type Schemas = components["schemas"];
export type DomusClient = Client<paths>;

export interface DomusClientOptions {
  /** The HTTP API's base address, e.g. http://127.0.0.1:3000 locally. */
  baseUrl: string;
  /** An access token from POST /auth/login, sent as `Authorization: Bearer`. */
  accessToken?: string;
  fetch?: typeof fetch;
}

export function domusClient(options: DomusClientOptions): DomusClient {
  const client = createClient<paths>({ baseUrl: options.baseUrl, ...(options.fetch ? { fetch: options.fetch } : {}) });
  if (options.accessToken) client.use(bearer(options.accessToken));
  return client;
}

function bearer(token: string): Middleware {
  return {
    onRequest({ request }) {
      request.headers.set("Authorization", `Bearer ${token}`);
      return request;
    },
  };
}

/** The image types POST /uploads takes, as the document says. */
export type PhotoContentType = operations["createUpload"]["requestBody"]["content"]["application/json"]["contentType"];

/** Signs in with e-mail and password and gives a client that calls as that person. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<{ client: DomusClient; login: Schemas["LoginResult"] }> {
  const { data, error, response } = await domusClient({ baseUrl }).POST("/auth/login", { body: { email, password } });
  if (!data) throw new DomusApiError("POST /auth/login", response.status, error);
  if (data.mfaRequired || !data.accessToken) throw new Error(`${email} needs a second factor; this client signs in without one only`);
  return { client: domusClient({ baseUrl, accessToken: data.accessToken }), login: data };
}

/**
 * Sends a photo to the presigned URL of POST /uploads, with exactly the signed headers (less the ones fetch sets
 * itself), and gives the uploadId to put in a fault's photos.
 */
export async function uploadPhoto(client: DomusClient, contentType: PhotoContentType, bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const { data, error, response } = await client.POST("/uploads", {
    body: { contentType, sizeBytes: bytes.byteLength },
    params: { header: { "Idempotency-Key": randomUUID() } },
  });
  if (!data) throw new DomusApiError("POST /uploads", response.status, error);
  const headers = Object.fromEntries(Object.entries(data.headers).filter(([name]) => !["host", "content-length"].includes(name.toLowerCase())));
  const put = await fetch(data.uploadUrl, { method: data.method, headers, body: bytes });
  if (!put.ok) throw new Error(`PUT of the photo to its presigned URL answered ${put.status}: ${await put.text()}`);
  return data.uploadId;
}

/** An answer other than the documented success, with its problem document. */
export class DomusApiError extends Error {
  constructor(readonly operation: string, readonly status: number, readonly problem: unknown) {
    super(`${operation} answered ${status}: ${JSON.stringify(problem)}`);
  }
}

export * from "./realtime.js";
