import { HeadofficeInitial1763800000000 } from './1763800000000-headoffice-initial';

export const HO_MIGRATIONS = [HeadofficeInitial1763800000000];
