import { HeadofficeInitial1763800000000 } from './1763800000000-headoffice-initial';
import { Otp1764000000000 } from './1764000000000-otp';

export const HO_MIGRATIONS = [HeadofficeInitial1763800000000, Otp1764000000000];
