import { Global, Module } from '@nestjs/common';
import { PoolGuard } from './pool-guard';
import { TransactionService } from './transaction.service';

@Global()
@Module({ providers: [TransactionService, PoolGuard], exports: [TransactionService] })
export class DatabaseModule {}
