import { Module } from '@nestjs/common';
import { CLOCK, systemClock } from './clock';
import { RetentionRepository } from './retention.repository';
import { RetentionService } from './retention.service';

/** The retention rule for personal data of closed operations. */
@Module({
  providers: [RetentionRepository, RetentionService, { provide: CLOCK, useValue: systemClock }],
  exports: [RetentionService],
})
export class RetentionModule {}
