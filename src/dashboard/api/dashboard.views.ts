import { MicroTime } from '../../common/time/micro-time';
import type { DashboardUser } from '../users/dashboard-users.repository';
import type { DashboardUserDto } from './dashboard.dto';

export const userView = (user: DashboardUser): DashboardUserDto => ({
  id: user.id,
  email: user.email,
  role: user.role,
  active: user.active,
  invited: user.invited,
  created_at: MicroTime.fromDatabaseText(user.createdAt).toIso(),
});
