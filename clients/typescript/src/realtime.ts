/**
 * The WebSocket API (functions/realtime/README.md): connect with `?token=<access token>`, subscribe to topics,
 * receive typed pushes. The tally pushed to `vote:<voteId>` is the answer of GET /votes/{voteId}/results.
 */
import WebSocket from "ws";
import type { components } from "./generated/api.js";

export type Topic = `vote:${string}` | `conversation:${string}` | `user:${string}`;

export type ClientMessage =
  | { action: "subscribe"; topic: Topic }
  | { action: "unsubscribe"; topic: Topic }
  | { action: "typing"; conversationId: string; typing: boolean };

export type ServerMessage =
  | { type: "subscribed"; topic: Topic }
  | { type: "unsubscribed"; topic: Topic }
  | ({ type: "vote.tally" } & components["schemas"]["VoteResults"])
  | { type: "message" | "message.edited" | "message.deleted"; conversationId: string; message: Record<string, unknown> }
  | { type: "typing"; userId: string; conversationId: string; typing: boolean }
  | { type: "error"; message?: string; [field: string]: unknown }
  | { type: string; [field: string]: unknown };

type Waiter = { accept: (message: ServerMessage) => boolean; resolve: (message: ServerMessage) => void; reject: (error: Error) => void; timer: NodeJS.Timeout };

/** One connection; messages that nobody waits for are kept, in order, for the next wait. */
export class RealtimeConnection {
  private readonly pending: ServerMessage[] = [];
  private readonly waiters: Waiter[] = [];

  private constructor(private readonly socket: WebSocket) {
    socket.on("message", (data) => this.receive(JSON.parse(data.toString()) as ServerMessage));
    socket.on("close", () => this.failAll(new Error("The WebSocket connection closed")));
  }

  static open(webSocketUrl: string, accessToken: string, timeoutMs = 10_000): Promise<RealtimeConnection> {
    const socket = new WebSocket(`${webSocketUrl.replace(/\/$/, "")}/?token=${encodeURIComponent(accessToken)}`, { handshakeTimeout: timeoutMs });
    return new Promise((resolve, reject) => {
      socket.once("open", () => resolve(new RealtimeConnection(socket)));
      socket.once("unexpected-response", (_request, response) => reject(new Error(`WebSocket handshake refused with ${response.statusCode}`)));
      socket.once("error", reject);
    });
  }

  send(message: ClientMessage): void {
    this.socket.send(JSON.stringify(message));
  }

  async subscribe(topic: Topic, timeoutMs = 10_000): Promise<void> {
    this.send({ action: "subscribe", topic });
    const answer = await this.next((m) => (m.type === "subscribed" && m.topic === topic) || m.type === "error", timeoutMs);
    if (answer.type !== "subscribed") throw new Error(`Subscribing to ${topic} was refused: ${JSON.stringify(answer)}`);
  }

  /** The next tally of the vote that satisfies `done`, skipping earlier ones. */
  async tally(voteId: string, done: (tally: components["schemas"]["VoteResults"]) => boolean = () => true, timeoutMs = 15_000): Promise<components["schemas"]["VoteResults"]> {
    const message = await this.next((m) => m.type === "vote.tally" && (m as components["schemas"]["VoteResults"]).voteId === voteId && done(m as components["schemas"]["VoteResults"]), timeoutMs);
    return message as { type: "vote.tally" } & components["schemas"]["VoteResults"];
  }

  /** The next message that `accept` takes, waiting at most `timeoutMs`. */
  next(accept: (message: ServerMessage) => boolean, timeoutMs = 10_000): Promise<ServerMessage> {
    const index = this.pending.findIndex(accept);
    if (index >= 0) return Promise.resolve(this.pending.splice(0, index + 1)[index]!);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        accept, resolve, reject,
        timer: setTimeout(() => {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          reject(new Error(`No matching WebSocket message in ${timeoutMs} ms; unclaimed: ${JSON.stringify(this.pending)}`));
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  close(): void {
    this.socket.close();
  }

  private receive(message: ServerMessage): void {
    const waiter = this.waiters.find((w) => w.accept(message));
    if (!waiter) {
      this.pending.push(message);
      return;
    }
    this.waiters.splice(this.waiters.indexOf(waiter), 1);
    clearTimeout(waiter.timer);
    waiter.resolve(message);
  }

  private failAll(error: Error): void {
    for (const waiter of this.waiters.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
    }
  }
}
