/**
 * RECEIVED once committed (the 202); PROCESSED when the worker's transaction commits; FAILED after
 * the last failed attempt. PROCESSING is part of the contract, but the worker claims and finishes
 * an event in one transaction, so no reader ever sees it.
 */
export const EVENT_STATUSES = ['RECEIVED', 'PROCESSING', 'PROCESSED', 'FAILED'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
