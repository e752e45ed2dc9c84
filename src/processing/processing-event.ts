import type { AmlBettingEvent } from '../betting-events/aml-betting-event';
import type { MonitorStreamEvent } from '../events/monitor-event';

export type { AmlBettingEvent } from '../betting-events/aml-betting-event';
export type { MonitorStreamEvent } from '../events/monitor-event';

/**
 * An event as the processing steps see it, of either stream. Both carry their team, the brand of
 * the key that sent it, the player (`playerExternalId`: a monitor `player.id`; for an AML event,
 * the id of the player its CPF resolved to) and the event's own time.
 */
export type ProcessingEvent = MonitorStreamEvent | AmlBettingEvent;
