import { Module } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { AccessModule } from '../access/access.module';
import { RequestsController } from './requests.controller';
import { RequestsService } from './requests.service';
import { TaskingDeadlines } from './tasking-deadlines';
import { TaskingRepository } from './tasking.repository';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';
import { ThreadsController } from './threads.controller';
import { ThreadsRepository } from './threads.repository';
import { ThreadsService } from './threads.service';
import { WatchedAreasController } from './watched-areas.controller';
import { WatchedAreasRepository } from './watched-areas.repository';
import { WatchedAreasService } from './watched-areas.service';

/** Tasks to teams and requests between agencies, with their acknowledgement deadlines and their message threads; watched areas. */
@Module({
  imports: [AccessModule],
  controllers: [TasksController, RequestsController, ThreadsController, WatchedAreasController],
  providers: [TaskingRepository, TasksService, RequestsService, ThreadsRepository, ThreadsService, WatchedAreasRepository, WatchedAreasService, TaskingDeadlines, Clock],
  exports: [TasksService, RequestsService, TaskingDeadlines, Clock],
})
export class TaskingModule {}
