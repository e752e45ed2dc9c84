import { randomBytes } from 'node:crypto';
import type { Plan } from '../../src/config/plan';
import type { TestApp } from './test-app';

export interface TestTeam {
  id: number;
  name: string;
  plan: Plan;
  apiKey: string;
}

/** A new team of its own for each test, so that tests never share data. */
export async function createTeam(app: TestApp, plan: Plan = 'standard'): Promise<TestTeam> {
  const name = `team-${randomBytes(6).toString('hex')}`;
  const { team, api_key } = await app.tenancy.createTeam({ name, plan });
  return { id: team.id, name: team.name, plan: team.plan, apiKey: api_key };
}
