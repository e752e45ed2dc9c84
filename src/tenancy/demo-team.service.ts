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

/** On the very first start of the embedded database, a team to try the API with. */
@Injectable()
export class DemoTeamService {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly database: DatabaseState,
    private readonly tenancy: TenancyService,
  ) {}

  async createIfFirstStart(): Promise<DemoCredentials | null> {
    if (!this.database.createdNow || !this.config.demoTeamOnFirstStart) return null;
    const { team, api_key } = await this.tenancy.createTeam({ name: 'Demo', plan: 'standard' });
    return { teamId: team.id, teamName: team.name, apiKey: api_key };
  }
}
