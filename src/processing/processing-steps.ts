import type { Provider } from '@nestjs/common';
import { CasinoBetProjection } from '../bet-records/casino/casino-bet.projection';
import { SportsBetProjection } from '../bet-records/sports/sports-bet.projection';
import { DetectionStep } from '../detection/detection.step';
import { PlayerActivityStep } from './player-activity.step';
import { PROCESSING_STEPS, type ProcessingStep } from './processing-step';

/**
 * The processing steps, in the order they run over each batch:
 * 1. player activity: the projections and the rules need the player row;
 * 2. detection: the fraud and AML rules over the player's state, alerts, risk scores, and the
 *    players' hourly counters;
 * 3. the bet-record projections (Live/Slots bets, sports bets) of the Bet Records API.
 * Detection reads nothing of the projections'. No step updates a row that another loop's batch
 * would update too: the projections' record counts have a row per partition (CountDeltas).
 */
export const ORDERED_STEPS = [
  PlayerActivityStep,
  DetectionStep,
  CasinoBetProjection,
  SportsBetProjection,
];

export const processingStepsProvider: Provider = {
  provide: PROCESSING_STEPS,
  inject: ORDERED_STEPS,
  useFactory: (...steps: ProcessingStep[]) => steps,
};
