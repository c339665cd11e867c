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

/** Tasks to teams and requests between agencies, with their acknowledgement deadlines and their message threads. */
@Module({
  imports: [AccessModule],
  controllers: [TasksController, RequestsController, ThreadsController],
  providers: [TaskingRepository, TasksService, RequestsService, ThreadsRepository, ThreadsService, TaskingDeadlines, Clock],
  exports: [TasksService, RequestsService, TaskingDeadlines, Clock],
})
export class TaskingModule {}
