import { Module } from '@nestjs/common';
import { DashboardUsersRepository } from './dashboard-users.repository';
import { DashboardUsersService } from './dashboard-users.service';

/** The dashboard's users, for its API and for the command line. */
@Module({
  providers: [DashboardUsersRepository, DashboardUsersService],
  exports: [DashboardUsersRepository, DashboardUsersService],
})
export class DashboardUsersModule {}
