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
 * Detection runs before the projections, though it reads nothing of theirs, because the
 * projections update rows that every loop shares (the per-team record counts): locked from
 * their update to the commit, so the shorter what follows them, the less the other loops wait.
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
