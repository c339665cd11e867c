// Imported dynamically by `early-start.ts` (the contracts may not be: Nx forbids a lazy import of
// a library that is also imported statically): loading this evaluates the contracts' schemas.
import '@lintas/contracts';
