import { randomBytes } from 'node:crypto';
import { DashboardUsersService } from '../dashboard/users/dashboard-users.service';
import { isRole, ROLES } from '../dashboard/users/roles';
import { required, UsageError, type Command } from './command';

/** The dashboard's users from the command line: the first admin of a team, mainly. */
export const DASHBOARD_COMMANDS: Record<string, Command> = {
  'user create': {
    usage: `user create --team ID --email EMAIL --role ${ROLES.join('|')} [--password TEXT]`,
    summary:
      'Create a dashboard user who can log in at once (the first admin of a team); without --password, one is made and shown once',
    async run(app, options) {
      const team = required(options, 'team');
      if (!/^\d+$/.test(team) || Number(team) < 1)
        throw new UsageError('--team must be a positive integer id');
      const role = required(options, 'role');
      if (!isRole(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
      const password = options.password ?? randomBytes(12).toString('base64url');
      const user = await app.get(DashboardUsersService).create({
        teamId: Number(team),
        email: required(options, 'email'),
        role,
        password,
      });
      return {
        json: {
          user: { id: user.id, team_id: user.teamId, email: user.email, role: user.role },
          ...(options.password === undefined && { password }),
        },
        text: [
          `Dashboard user ${user.id} ${user.email} (${user.role}) created in team ${user.teamId}.`,
          ...(options.password === undefined
            ? [`Password (shown only now; they can keep it or be invited again): ${password}`]
            : []),
          'Log in at /dashboard.',
        ],
      };
    },
  },
};
