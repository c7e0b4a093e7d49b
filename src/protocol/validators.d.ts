// Generated into dist/ at build time by generate-validator.ts.
import type { ErrorObject } from 'ajv';

interface Validator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export const validateClient: Validator;
export const validateDaemon: Validator;
export const validateHandshake: Validator;
