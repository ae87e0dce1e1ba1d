// Where users learn more about Bulwark; reports link here (SARIF `informationUri`).
// One constant so the public address changes in one place.
export const PROJECT_URL = 'https://github.com/bulwark-security/bulwark';
