import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { EXPORT_FORMATS, EXPORT_MEDIA_TYPES, exportQuerySchema, MARKINGS, type ExportQuery } from '@lintas/contracts';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { ApiZodQuery } from '../../common/openapi';
import { uuidParam } from '../../common/uuid-param';
import { ZodPipe } from '../../common/validation';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ExportsService } from './exports.service';

@ApiTags('exports')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No, an invalid or an expired access token' })
@Controller()
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('operations/:operationId/export')
  @ApiOperation({
    summary: "Export the operation's picture as GeoJSON, CSV (reports), KML or a TAK data package",
    description:
      'Only what the caller may see (the handling-marking rule of the REST list), under the map\'s filters (`layers`, `kind`, ' +
      '`status`, `marking`, `agency` codes, `from`/`to`, `bbox`, `teamId`). Answered as an attachment whose file name, ' +
      '`X-Lintas-Marking` header and in-file banner carry the most restrictive marking of the content; exercises say EXERCISE ' +
      '(CoT `opex="e"`). Streamed from the database a page at a time. Every export is audited.',
  })
  @ApiZodQuery(exportQuerySchema)
  @ApiOkResponse({
    description: 'The file (Content-Disposition: attachment; filename names the marking; `X-Lintas-Marking` names it too)',
    headers: { 'X-Lintas-Marking': { description: 'The most restrictive marking of the content', schema: { type: 'string', enum: [...MARKINGS] } } },
    content: Object.fromEntries(EXPORT_FORMATS.map((format) => [EXPORT_MEDIA_TYPES[format].split(';')[0], { schema: { type: 'string', format: 'binary' } }])),
  })
  @ApiBadRequestResponse({ description: 'Unknown format or invalid filter' })
  @ApiNotFoundResponse({ description: "The operation does not exist or the caller's agency does not take part in it" })
  async export(
    @CurrentUser() user: AuthUser,
    @Param('operationId', uuidParam('operationId')) operationId: string,
    @Query(new ZodPipe(exportQuerySchema)) query: ExportQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const file = await this.exports.export(user, operationId, query);
    response.setHeader('X-Lintas-Marking', file.marking);
    response.setHeader('Cache-Control', 'no-store');
    const body = Readable.from(file.body);
    // A download cut off ends the read: the generator's cleanup closes its database cursor.
    response.on('close', () => body.destroy());
    return new StreamableFile(body, {
      type: file.mediaType,
      disposition: `attachment; filename="${file.fileName}"`,
    });
  }
}
