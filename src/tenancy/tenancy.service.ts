import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SqlDatabase } from '../database/sql-database';
import { isUniqueViolation } from '../database/database-errors';
import { isLongerThan } from '../common/text/well-formed';
import { ApiKeyEntity } from './api-key.entity';
import { ApiKeyRepository } from './api-key.repository';
import { generateApiKey } from './api-key';
import { BrandEntity } from './brand.entity';
import { BrandRepository } from './brand.repository';
import { DEFAULT_PLAN, isPlan, Plan, PLANS } from '../config/plan';
import { TeamEntity } from './team.entity';
import { TeamRepository } from './team.repository';
import { TenancyError, TenancyErrorCode } from './tenancy.errors';

export interface TeamView {
  id: number;
  name: string;
  plan: Plan;
  created_at: string;
}

export interface BrandView {
  id: number;
  team_id: number;
  name: string;
  created_at: string;
}

export interface ApiKeyView {
  id: number;
  team_id: number;
  brand_id: number | null;
  prefix: string;
  label: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** A key as created: the only moment its clear value exists. */
export interface IssuedApiKey {
  api_key: string;
  key: ApiKeyView;
}

const NAME_MAX_LENGTH = 200;
const LABEL_MAX_LENGTH = 100;

/** Administration of teams, brands and API keys (used by the CLI and by tests). */
@Injectable()
export class TenancyService {
  constructor(
    private readonly database: SqlDatabase,
    private readonly teams: TeamRepository,
    private readonly brands: BrandRepository,
    private readonly keys: ApiKeyRepository,
  ) {}

  /** Creates a team and its first API key, together or not at all. */
  async createTeam(input: {
    name: string;
    plan?: string;
  }): Promise<{ team: TeamView } & IssuedApiKey> {
    const name = requireName(input.name, 'team name', NAME_MAX_LENGTH);
    const plan = requirePlan(input.plan ?? DEFAULT_PLAN);
    try {
      return await this.database.transaction(async ({ manager: em }) => {
        const team = await this.teams.insert(name, plan, em);
        const issued = await this.issueKey(team.id, null, null, em);
        return { team: teamView(team), ...issued };
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new TenancyError(
          TenancyErrorCode.TeamNameTaken,
          `A team named "${name}" already exists`,
        );
      }
      throw error;
    }
  }

  hasTeams(): Promise<boolean> {
    return this.teams.anyExists();
  }

  async listTeams(): Promise<TeamView[]> {
    return (await this.teams.listAll()).map(teamView);
  }

  async changePlan(teamId: number, plan: string): Promise<TeamView> {
    const team = await this.requireTeam(teamId);
    team.plan = requirePlan(plan);
    await this.teams.updatePlan(team.id, team.plan);
    return teamView(team);
  }

  /** The team's time zone for per-day figures (IANA name; UTC by default). */
  async timeZoneOf(teamId: number): Promise<string> {
    return (await this.requireTeam(teamId)).timeZone;
  }

  async setTimeZone(teamId: number, timeZone: unknown): Promise<string> {
    const team = await this.requireTeam(teamId);
    const zone = requireTimeZone(timeZone);
    await this.teams.updateTimeZone(team.id, zone);
    return zone;
  }

  async createBrand(teamId: number, name: string): Promise<BrandView> {
    const team = await this.requireTeam(teamId);
    const brandName = requireName(name, 'brand name', NAME_MAX_LENGTH);
    try {
      return brandView(await this.brands.insertForTeam(team.id, brandName));
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new TenancyError(
          TenancyErrorCode.BrandNameTaken,
          `Team ${team.id} already has a brand named "${brandName}"`,
        );
      }
      throw error;
    }
  }

  async listBrands(teamId: number): Promise<BrandView[]> {
    const team = await this.requireTeam(teamId);
    return (await this.brands.listForTeam(team.id)).map(brandView);
  }

  async createApiKey(
    teamId: number,
    options: { brandId?: number; label?: string } = {},
  ): Promise<IssuedApiKey> {
    const team = await this.requireTeam(teamId);
    let brandId: number | null = null;
    if (options.brandId !== undefined) {
      const brand = await this.brands.findForTeam(team.id, options.brandId);
      if (!brand) {
        throw new TenancyError(
          TenancyErrorCode.BrandNotFound,
          `Brand ${options.brandId} does not exist in team ${team.id}`,
        );
      }
      brandId = brand.id;
    }
    const label =
      options.label === undefined ? null : requireName(options.label, 'label', LABEL_MAX_LENGTH);
    return this.issueKey(team.id, brandId, label);
  }

  async listApiKeys(teamId: number): Promise<ApiKeyView[]> {
    const team = await this.requireTeam(teamId);
    return (await this.keys.listForTeam(team.id)).map(apiKeyView);
  }

  /** Revokes the key with this prefix; revoking twice keeps the first revocation time. */
  async revokeApiKey(prefix: string): Promise<ApiKeyView> {
    const key = await this.keys.findByPrefix(prefix.trim());
    if (!key) {
      throw new TenancyError(
        TenancyErrorCode.ApiKeyNotFound,
        `No API key has the prefix "${prefix}"`,
      );
    }
    await this.keys.revoke(key.id, new Date());
    const revoked = await this.keys.findByPrefix(key.prefix);
    return apiKeyView(revoked!);
  }

  private async requireTeam(teamId: number): Promise<TeamEntity> {
    const team =
      Number.isSafeInteger(teamId) && teamId > 0 ? await this.teams.findById(teamId) : null;
    if (!team)
      throw new TenancyError(TenancyErrorCode.TeamNotFound, `Team ${teamId} does not exist`);
    return team;
  }

  /**
   * The visible prefix is unique; a collision (about 1 in 2^48 per pair) draws again. Both
   * dialects roll back only the failed statement, so this is safe inside a transaction.
   */
  private async issueKey(
    teamId: number,
    brandId: number | null,
    label: string | null,
    em?: EntityManager,
  ): Promise<IssuedApiKey> {
    for (let attempt = 1; ; attempt++) {
      const generated = generateApiKey();
      try {
        const row = await this.keys.insert(
          { teamId, brandId, prefix: generated.prefix, keyHash: generated.hash, label },
          em,
        );
        return { api_key: generated.key, key: apiKeyView(row) };
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= 3) throw error;
      }
    }
  }
}

function requireName(value: string, what: string, maxLength: number): string {
  const trimmed = (value ?? '').trim();
  if (trimmed.length === 0 || isLongerThan(trimmed, maxLength)) {
    throw new TenancyError(
      TenancyErrorCode.InvalidInput,
      `The ${what} must have 1 to ${maxLength} characters`,
    );
  }
  return trimmed;
}

function requirePlan(value: string): Plan {
  if (!isPlan(value)) {
    throw new TenancyError(
      TenancyErrorCode.InvalidInput,
      `Unknown plan "${value}": use one of ${PLANS.join(', ')}`,
    );
  }
  return value;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

function teamView(team: TeamEntity): TeamView {
  return {
    id: team.id,
    name: team.name,
    plan: team.plan,
    created_at: team.createdAt.toISOString(),
  };
}

function brandView(brand: BrandEntity): BrandView {
  return {
    id: brand.id,
    team_id: brand.teamId,
    name: brand.name,
    created_at: brand.createdAt.toISOString(),
  };
}

function apiKeyView(key: ApiKeyEntity): ApiKeyView {
  return {
    id: key.id,
    team_id: key.teamId,
    brand_id: key.brandId,
    prefix: key.prefix,
    label: key.label,
    created_at: key.createdAt.toISOString(),
    last_used_at: iso(key.lastUsedAt),
    revoked_at: iso(key.revokedAt),
  };
}

/** An IANA time zone the runtime knows (`Africa/Dakar`, `America/Sao_Paulo`, `UTC`). */
function requireTimeZone(value: unknown): string {
  if (
    typeof value === 'string' &&
    value.length <= 64 &&
    /^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(value)
  ) {
    try {
      return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
    } catch {
      // not a zone: refused below
    }
  }
  throw new TenancyError(
    TenancyErrorCode.InvalidInput,
    'time_zone must be an IANA time zone, such as Africa/Dakar or America/Sao_Paulo',
  );
}
