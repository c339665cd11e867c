import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'lintas:public';

/** Marks a route that needs no access token (sign-in, health, client settings). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
