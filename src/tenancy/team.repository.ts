import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Plan } from '../config/plan';
import { TeamEntity } from './team.entity';

@Injectable()
export class TeamRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(
    name: string,
    plan: Plan,
    em: EntityManager = this.dataSource.manager,
  ): Promise<TeamEntity> {
    const team = em.create(TeamEntity, { name, plan, createdAt: new Date() });
    const result = await em.insert(TeamEntity, team);
    team.id = Number(result.identifiers[0].id);
    return team;
  }

  findById(teamId: number): Promise<TeamEntity | null> {
    return this.dataSource.manager.findOneBy(TeamEntity, { id: teamId });
  }

  anyExists(): Promise<boolean> {
    return this.dataSource.manager.exists(TeamEntity);
  }

  listAll(): Promise<TeamEntity[]> {
    return this.dataSource.manager.find(TeamEntity, { order: { id: 'ASC' } });
  }

  async updatePlan(teamId: number, plan: Plan): Promise<boolean> {
    const result = await this.dataSource.manager.update(TeamEntity, { id: teamId }, { plan });
    return (result.affected ?? 0) > 0;
  }

  async updateTimeZone(teamId: number, timeZone: string): Promise<boolean> {
    const result = await this.dataSource.manager.update(TeamEntity, { id: teamId }, { timeZone });
    return (result.affected ?? 0) > 0;
  }
}
