import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { MonitorErrorDto } from '../../monitor-api/dto/monitor-error.dto';
import { AlertDetailResponseDto, AlertListResponseDto } from '../dto/alert.dto';
import { AllowlistEntryResponseDto, AllowlistListResponseDto } from '../dto/allowlist.dto';
import { PlayerRiskListResponseDto, PlayerRiskViewResponseDto } from '../dto/player-risk.dto';
import {
  RuleDetailResponseDto,
  RuleListResponseDto,
  RuleResponseDto,
  RuleVersionListResponseDto,
} from '../dto/rule.dto';
import * as examples from './detection.examples';

const { ERROR_EXAMPLES: errors } = examples;

const error = (description: string, example: object) => ({
  description,
  type: MonitorErrorDto,
  example,
});

const BAD_QUERY = (example: object) =>
  ApiBadRequestResponse(
    error(
      'An unknown query parameter, or a bad value: one entry in `details` per parameter',
      example,
    ),
  );

const BAD_BODY = (example: object) =>
  applyDecorators(
    ApiBadRequestResponse(
      error(
        'Malformed JSON (`Malformed JSON body`, no `details`), or one entry in `details` per invalid field',
        example,
      ),
    ),
    ApiUnsupportedMediaTypeResponse(
      error('The body is not JSON (`Content-Type` other than `application/json`)', errors.notJson),
    ),
  );

/** A route that takes no query parameter. */
const NO_QUERY = ApiBadRequestResponse(
  error('A query parameter: this route takes none', errors.noQuery),
);

const RULE_NOT_FOUND = ApiNotFoundResponse(
  error('No rule of the pack has this code', errors.ruleNotFound),
);
const ALERT_NOT_FOUND = ApiNotFoundResponse(
  error('Unknown uuid, or another team’s alert', errors.alertNotFound),
);

/** The answers of each detection route, with examples, for Swagger. */
export const DetectionResponses = {
  listRules: () =>
    applyDecorators(
      ApiOkResponse({
        description: 'Every rule of the pack (the example shows 3 of the 16)',
        type: RuleListResponseDto,
        example: examples.RULE_LIST_EXAMPLE,
      }),
      NO_QUERY,
    ),
  getRule: () =>
    applyDecorators(
      ApiOkResponse({
        description: 'The rule, its hits by day and its latest shadow hits',
        type: RuleDetailResponseDto,
        example: examples.RULE_DETAIL_EXAMPLE,
      }),
      NO_QUERY,
      RULE_NOT_FOUND,
    ),
  putRule: () =>
    applyDecorators(
      ApiOkResponse({
        description: 'The rule with its new version (here after the `shadow` example)',
        type: RuleResponseDto,
        example: examples.RULE_EXAMPLE,
      }),
      BAD_BODY(errors.ruleBody),
      RULE_NOT_FOUND,
    ),
  ruleVersions: () =>
    applyDecorators(
      ApiOkResponse({
        description: 'Every version, newest first',
        type: RuleVersionListResponseDto,
        example: examples.RULE_VERSIONS_EXAMPLE,
      }),
      NO_QUERY,
      RULE_NOT_FOUND,
    ),
  listAllowlist: () =>
    applyDecorators(
      ApiOkResponse({
        description: 'Allowlisted identifiers, newest first',
        type: AllowlistListResponseDto,
        example: examples.ALLOWLIST_EXAMPLE,
      }),
      BAD_QUERY(errors.pageQuery),
    ),
  addAllowlist: () =>
    applyDecorators(
      ApiCreatedResponse({
        description: 'Added',
        type: AllowlistEntryResponseDto,
        example: examples.ALLOWLIST_ENTRY_EXAMPLE,
      }),
      ApiOkResponse({
        description: 'It was allowlisted already: the entry as stored (its note is kept)',
        type: AllowlistEntryResponseDto,
        example: examples.ALLOWLIST_ENTRY_EXAMPLE,
      }),
      BAD_BODY(errors.allowlistBody),
    ),
  removeAllowlist: () =>
    applyDecorators(
      ApiNoContentResponse({ description: 'Removed; no body' }),
      ApiNotFoundResponse(error('This identifier is not allowlisted', errors.allowlistNotFound)),
    ),
  listAlerts: () =>
    applyDecorators(
      ApiOkResponse({
        description: 'A page of alerts',
        type: AlertListResponseDto,
        example: examples.ALERT_LIST_EXAMPLE,
      }),
      BAD_QUERY(errors.alertQuery),
    ),
  getAlert: () =>
    applyDecorators(
      ApiOkResponse({
        description: 'The alert, its events and its history',
        type: AlertDetailResponseDto,
        example: examples.ALERT_DETAIL_EXAMPLE,
      }),
      NO_QUERY,
      ALERT_NOT_FOUND,
    ),
  patchAlert: () =>
    applyDecorators(
      ApiOkResponse({
        description: 'The alert as `GET /alerts/{id}` shows it, after the change',
        type: AlertDetailResponseDto,
        example: examples.ALERT_DETAIL_EXAMPLE,
      }),
      BAD_BODY(errors.alertBody),
      ALERT_NOT_FOUND,
      ApiConflictResponse(
        error(
          'A status move the lifecycle does not allow (a closed alert never reopens)',
          errors.alertMove,
        ),
      ),
    ),
  listPlayers: () =>
    applyDecorators(
      ApiOkResponse({
        description: 'A page of players with their stored score',
        type: PlayerRiskListResponseDto,
        example: examples.PLAYER_LIST_EXAMPLE,
      }),
      BAD_QUERY(errors.playerQuery),
    ),
  getPlayer: () =>
    applyDecorators(
      ApiOkResponse({
        description: 'The player’s view, its risk computed now',
        type: PlayerRiskViewResponseDto,
        example: examples.PLAYER_EXAMPLE,
      }),
      NO_QUERY,
      ApiNotFoundResponse(error('No player of your team has this id', errors.playerNotFound)),
    ),
  getPlayerByCpf: () =>
    applyDecorators(
      ApiOkResponse({
        description: 'The bettor’s view, its risk computed now',
        type: PlayerRiskViewResponseDto,
        example: examples.CPF_PLAYER_EXAMPLE,
      }),
      ApiBadRequestResponse(
        error(
          'Not a valid CPF (11 digits, bare or formatted, with their check digits), or a query parameter',
          errors.notCpf,
        ),
      ),
      ApiNotFoundResponse(error('No bettor of your team has this CPF', errors.cpfNotFound)),
    ),
};
