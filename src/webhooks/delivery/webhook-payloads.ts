import { Injectable } from '@nestjs/common';

/** What a message of this type tells, as `data` of its body; `subject` is what it is about. */
export type PayloadRenderer = (teamId: number, subject: string) => Promise<unknown>;

/**
 * Renders the bodies of messages written without one (`alert.*`: the alert as `GET /alerts/:id`
 * shows it). Features register their renderers: webhooks depends on no feature, features on it.
 */
@Injectable()
export class WebhookPayloads {
  private readonly renderers = new Map<string, PayloadRenderer>();

  /** `prefix`: the event types it renders (`alert.`). */
  register(prefix: string, renderer: PayloadRenderer): void {
    this.renderers.set(prefix, renderer);
  }

  /** The body, as Standard Webhooks payloads are: `{type, timestamp, data}`. */
  async render(
    message: { teamId: number; eventType: string; subject: string | null },
    timestamp: string,
  ): Promise<string> {
    const renderer = [...this.renderers].find(([prefix]) => message.eventType.startsWith(prefix));
    if (!renderer || message.subject === null) {
      throw new Error(`No renderer for webhook messages of type ${message.eventType}`);
    }
    const data = await renderer[1](message.teamId, message.subject);
    return bodyOf(message.eventType, timestamp, data);
  }
}

export const bodyOf = (type: string, timestamp: string, data: unknown) =>
  JSON.stringify({ type, timestamp, data });
