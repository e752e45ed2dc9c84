import { Injectable } from '@nestjs/common';
import { DatabaseState } from '../database/database.module';
import { InjectConfig } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { TenancyService } from './tenancy.service';

export interface DemoCredentials {
  teamId: number;
  teamName: string;
  apiKey: string;
}

/**
 * A team to try the API with, when the embedded database has none yet (its first start, or a
 * first start that failed before the team was made): printed once by `main.ts`.
 */
@Injectable()
export class DemoTeamService {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly database: DatabaseState,
    private readonly tenancy: TenancyService,
  ) {}

  async createIfFirstStart(): Promise<DemoCredentials | null> {
    if (this.database.dialect !== 'sqlite' || !this.config.demoTeamOnFirstStart) return null;
    if (await this.tenancy.hasTeams()) return null;
    const { team, api_key } = await this.tenancy.createTeam({ name: 'Demo', plan: 'standard' });
    return { teamId: team.id, teamName: team.name, apiKey: api_key };
  }
}
