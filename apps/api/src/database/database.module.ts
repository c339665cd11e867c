import { Global, Module } from '@nestjs/common';
import { PoolGuard } from './pool-guard';
import { PoolWarmer } from './pool-warmer';
import { TransactionService } from './transaction.service';

@Global()
@Module({ providers: [TransactionService, PoolGuard, PoolWarmer], exports: [TransactionService] })
export class DatabaseModule {}
