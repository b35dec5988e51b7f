// What the global setup hands to the tests, through the environment of the workers.

/** setting is one LICENSOR_E2E_* variable of the global setup; a missing one fails the test. */
export function setting(name: 'BASE_URL' | 'BIN' | 'DATA_DIR' | 'SMTP_URL' | 'SETUP_URL'): string {
  const value = process.env[`LICENSOR_E2E_${name}`];
  if (value === undefined || value === '') {
    throw new Error(`LICENSOR_E2E_${name} is not set: the global setup did not provide it`);
  }
  return value;
}

/** allowedReturnURL is the one site that the server lets `return_to` go to in these tests. */
export const allowedReturnURL = 'https://vendor.example';
