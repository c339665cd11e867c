import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ThreadSubject } from '@lintas/contracts';
import type { DataSource, EntityManager } from 'typeorm';

export interface MessageRow {
  id: string;
  client_id: string;
  operation_id: string;
  subject: ThreadSubject;
  subject_id: string;
  author_user_id: string;
  author_name: string;
  agency_code: string;
  body: string;
  at: Date;
}

const SELECT_MESSAGE = `
  SELECT m.*, u.name AS author_name, a.code AS agency_code
    FROM thread_messages m JOIN users u ON u.id = m.author_user_id JOIN agencies a ON a.id = u.agency_id`;

/** SQL of the message threads; whether the caller may read a thread is decided on its subject. */
@Injectable()
export class ThreadsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(subject: ThreadSubject, subjectId: string): Promise<MessageRow[]> {
    return this.dataSource.manager.query(`${SELECT_MESSAGE} WHERE m.subject = $1 AND m.subject_id = $2 ORDER BY m.at, m.id LIMIT 1000`, [subject, subjectId]);
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<MessageRow | null> {
    const rows: MessageRow[] = await manager.query(`${SELECT_MESSAGE} WHERE m.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async findByClientId(clientId: string): Promise<MessageRow | null> {
    const rows: MessageRow[] = await this.dataSource.manager.query(`${SELECT_MESSAGE} WHERE m.client_id = $1`, [clientId]);
    return rows[0] ?? null;
  }

  async insert(
    manager: EntityManager,
    message: { clientId: string; operationId: string; subject: ThreadSubject; subjectId: string; authorUserId: string; body: string; at: string },
  ): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO thread_messages (client_id, operation_id, subject, subject_id, author_user_id, body, at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (client_id) DO NOTHING RETURNING id`,
      [message.clientId, message.operationId, message.subject, message.subjectId, message.authorUserId, message.body, message.at],
    );
    return rows[0]?.id ?? null;
  }
}
