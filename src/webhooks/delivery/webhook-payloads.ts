import { Injectable } from '@nestjs/common';

/**
 * What messages of this type tell, as `data` of their bodies, by `subject` (what each is about);
 * a subject it does not know is left out.
 */
export type PayloadRenderer = (
  teamId: number,
  subjects: readonly string[],
) => Promise<Map<string, unknown>>;

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

  /** The `data` of several messages of one team and type, by subject, in one rendering. */
  async dataOf(
    teamId: number,
    eventType: string,
    subjects: readonly string[],
  ): Promise<Map<string, unknown>> {
    const renderer = [...this.renderers].find(([prefix]) => eventType.startsWith(prefix));
    if (!renderer) throw new Error(`No renderer for webhook messages of type ${eventType}`);
    return renderer[1](teamId, subjects);
  }

  /** One message's body, as Standard Webhooks payloads are: `{type, timestamp, data}`. */
  async render(
    message: { teamId: number; eventType: string; subject: string | null },
    timestamp: string,
  ): Promise<string> {
    const { subject } = message;
    const data =
      subject === null
        ? undefined
        : (await this.dataOf(message.teamId, message.eventType, [subject])).get(subject);
    if (data === undefined) {
      throw new Error(`Nothing to tell about ${message.eventType} ${subject ?? '(no subject)'}`);
    }
    return bodyOf(message.eventType, timestamp, data);
  }
}

export const bodyOf = (type: string, timestamp: string, data: unknown) =>
  JSON.stringify({ type, timestamp, data });
