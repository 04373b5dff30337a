/**
 * The running local cloud the tests call, from the environment the JUnit test TypeScriptClientTest sets (or a
 * `./domus-local` started by hand: DOMUS_HTTP_URL=http://127.0.0.1:3000 DOMUS_WS_URL=ws://127.0.0.1:3001).
 */
import { signIn, type DomusClient, domusClient } from "../src/index.js";

export const httpUrl = required("DOMUS_HTTP_URL");
export const webSocketUrl = required("DOMUS_WS_URL");
/** The console, where the demo accounts are listed; the HTTP API's /_local/ unless told otherwise. */
export const consoleUrl = process.env.DOMUS_CONSOLE_URL ?? `${httpUrl.replace(/\/$/, "")}/_local`;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: these tests run against a local cloud (see clients/typescript/README.md)`);
  return value;
}

export interface DemoAccount { key: string; role: string; email: string; password: string; userId: string; bearerToken: string }
export interface Demo { accounts: DemoAccount[]; ids: Record<string, string> }

let demo: Promise<Demo> | undefined;

/** The console's GET /_local/demo: the seeded accounts (with their password and a ready token) and the estate's ids. */
export function demoData(): Promise<Demo> {
  demo ??= fetch(`${consoleUrl.replace(/\/$/, "")}/demo`).then(async (response) => {
    if (!response.ok) throw new Error(`GET ${consoleUrl}/demo answered ${response.status}`);
    return (await response.json()) as Demo;
  });
  return demo;
}

export async function account(key: string): Promise<DemoAccount> {
  const found = (await demoData()).accounts.find((a) => a.key === key);
  if (!found) throw new Error(`No demo account ${key}`);
  return found;
}

export async function id(name: string): Promise<string> {
  const value = (await demoData()).ids[name];
  if (!value) throw new Error(`No demo id ${name}`);
  return value;
}

const signedIn = new Map<string, Promise<DomusClient>>();

/**
 * Signs in as the demo account through POST /auth/login, as an app would; once per account and test file, since
 * sign-ins are limited per client address and the other e2e tests sign in from the same one.
 */
export function signedInAs(key: string): Promise<DomusClient> {
  let client = signedIn.get(key);
  if (!client) {
    client = account(key).then(async (demoAccount) => (await signIn(httpUrl, demoAccount.email, demoAccount.password)).client);
    signedIn.set(key, client);
  }
  return client;
}

/** Calls with the console's ready token for the account (no sign-in, so no sign-in rate limit). */
export async function withDemoToken(key: string): Promise<DomusClient> {
  return domusClient({ baseUrl: httpUrl, accessToken: (await account(key)).bearerToken });
}
