import { Module } from '@nestjs/common';
import { PlayersRepository } from './players.repository';
import { PlayersService } from './players.service';

/** The players of each team, shared by the monitor events and, later, the AML betting events. */
@Module({
  providers: [PlayersRepository, PlayersService],
  exports: [PlayersService],
})
export class PlayersModule {}
