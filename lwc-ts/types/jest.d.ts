/** Brings the `toBeAccessible()` matcher of @sa11y/jest into the tests' types. */
import '@sa11y/jest';
